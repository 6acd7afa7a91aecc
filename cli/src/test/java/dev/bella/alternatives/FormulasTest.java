package dev.bella.alternatives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each formula on round numbers, computed by hand in the comments; prices from a table written here. */
class FormulasTest {

    private static final PriceTable P = new PriceTableLoader().parse("""
            region: test-region-1
            sources: {t: {url: "https://example.com/prices", retrieved: 2026-12-06}}
            prices:
              aurora.postgres.serverless-v2.acu-hour: {price: 0.12, unit: ACU-hour, source: t}
              aurora.postgres.db.t4g.medium.hour: {price: 0.073, unit: instance-hour, source: t}
              aurora.storage.gb-month: {price: 0.10, unit: GB-month, source: t}
              aurora.io.million-requests: {price: 0.20, unit: million requests, source: t}
              ec2.t4g.small.hour: {price: 0.0168, unit: instance-hour, source: t}
              ebs.gp3.gb-month: {price: 0.08, unit: GB-month, source: t}
              vpc.public-ipv4.hour: {price: 0.005, unit: address-hour, source: t}
              lambda.arm64.gb-second: {price: 0.0000133334, unit: GB-second, source: t}
              lambda.million-requests: {price: 0.20, unit: million requests, source: t}
              lambda.free.gb-seconds: {price: 400000, unit: GB-seconds, source: t}
              lambda.free.requests: {price: 1000000, unit: requests, source: t}
              lambda.arm64.provisioned.gb-second: {price: 0.0000033334, unit: GB-second, source: t}
              lambda.arm64.provisioned-duration.gb-second: {price: 0.0000077778, unit: GB-second, source: t}
              cloudfront.https.10k-requests: {price: 0.01, unit: requests, source: t}
              cloudfront.data-out.gb: {price: 0.085, unit: GB, source: t}
              cloudfront.free.requests: {price: 10000000, unit: requests, source: t}
              cloudfront.free.gb: {price: 1024, unit: GB, source: t}
              dynamodb.on-demand.million-read-units: {price: 0.125, unit: RRU, source: t}
              dynamodb.on-demand.million-write-units: {price: 0.625, unit: WRU, source: t}
              twilio.media-streams.minute: {price: 0.004, unit: minute, source: t}
              transcribe.streaming.minute: {price: 0.024, unit: minute, source: t}
              transcribe.streaming.minimum-seconds: {price: 15, unit: seconds, source: t}
            """, "test prices");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static LineItem line(List<LineItem> items, String id) {
        return items.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aurora_acu_hours_hold_the_floor_and_add_the_busy_surplus() {
        // floor 0.5 ACU x 730 h = 365 ACU-h; busy 100 h at 2 ACU adds (2 - 0.5) x 100 = 150; 515 x 0.12 = 61.80
        List<LineItem> items = Formulas.auroraServerless(P, d("0.5"), d("730"), d("2"), d("100"), d("20"), d("3000000"));
        assertThat(line(items, "aurora-acu").quantity()).isEqualByComparingTo("515");
        assertThat(line(items, "aurora-acu").amount()).isEqualByComparingTo("61.80");
        assertThat(line(items, "aurora-storage").amount()).isEqualByComparingTo("2.00");   // 20 GB x 0.10
        assertThat(line(items, "aurora-io").amount()).isEqualByComparingTo("0.60");        // 3 M x 0.20
    }

    @Test
    void aurora_busy_hours_never_exceed_the_hours_it_is_awake_and_a_busy_level_below_the_floor_adds_nothing() {
        // scale-to-zero: awake 50 h at the 0.5 floor = 25; busy 80 h capped at the 50 awake: 0.5 x 50 = 25; 50 ACU-h
        List<LineItem> paused = Formulas.auroraServerless(P, d("0.5"), d("50"), d("1"), d("80"), d("0"), d("0"));
        assertThat(line(paused, "aurora-acu").quantity()).isEqualByComparingTo("50");
        assertThat(line(paused, "aurora-acu").amount()).isEqualByComparingTo("6.00");
        List<LineItem> idle = Formulas.auroraServerless(P, d("1"), d("10"), d("0.5"), d("10"), d("0"), d("0"));
        assertThat(line(idle, "aurora-acu").quantity()).isEqualByComparingTo("10");
    }

    @Test
    void aurora_provisioned_is_instance_hours_plus_the_same_storage_and_io() {
        List<LineItem> items = Formulas.auroraProvisioned(P, d("730"), d("20"), d("1000000"));
        assertThat(line(items, "aurora-instance").amount()).isEqualByComparingTo("53.29");  // 730 x 0.073 = 53.29
        assertThat(items).extracting(LineItem::id).containsExactly("aurora-instance", "aurora-storage", "aurora-io");
    }

    @Test
    void ec2_bills_instance_hours_the_root_volume_while_it_exists_and_a_public_address() {
        // 730 h x 0.0168 = 12.264 -> 12.26; 30 GB x 730/730 months x 0.08 = 2.40; 730 x 0.005 = 3.65
        List<LineItem> items = Formulas.ec2(P, "t4g.small", d("730"), 30, true);
        assertThat(line(items, "ec2-instances").amount()).isEqualByComparingTo("12.26");
        assertThat(line(items, "ebs-root").amount()).isEqualByComparingTo("2.40");
        assertThat(line(items, "ec2-public-ipv4").amount()).isEqualByComparingTo("3.65");
        // half the hours (a scheduled environment whose instances are terminated at night): half the volume
        List<LineItem> half = Formulas.ec2(P, "t4g.small", d("365"), 30, false);
        assertThat(line(half, "ebs-root").quantity()).isEqualByComparingTo("15");
        assertThat(half).extracting(LineItem::id).doesNotContain("ec2-public-ipv4");
    }

    @Test
    void lambda_within_the_free_tier_costs_nothing() {
        // 16,000 requests x 0.3 s x 1 GB = 4,800 GB-s, under 400,000; 16,000 requests under 1,000,000
        List<LineItem> items = Formulas.lambda(P, "arm64", d("16000"), d("0.3"), d("1"));
        assertThat(items).allSatisfy(l -> assertThat(l.amount()).isZero());
        assertThat(line(items, "lambda-duration").quantity()).isZero();
    }

    @Test
    void lambda_above_the_free_tier_bills_the_excess_only() {
        // 5,000,000 requests x 0.5 s x 2 GB = 5,000,000 GB-s; minus 400,000 = 4,600,000 x 0.0000133334 = 61.33364
        // requests: 5,000,000 - 1,000,000 = 4 M x 0.20 = 0.80
        List<LineItem> items = Formulas.lambda(P, "arm64", d("5000000"), d("0.5"), d("2"));
        assertThat(line(items, "lambda-duration").quantity()).isEqualByComparingTo("4600000");
        assertThat(line(items, "lambda-duration").amount()).isEqualByComparingTo("61.33");
        assertThat(line(items, "lambda-requests").amount()).isEqualByComparingTo("0.80");
    }

    @Test
    void provisioned_concurrency_bills_every_configured_second_without_a_free_tier() {
        // 1 x 1 GB x 730 h x 3600 = 2,628,000 GB-s x 0.0000033334 = 8.7601752 -> 8.76
        // duration 16,000 x 0.3 x 1 = 4,800 GB-s x 0.0000077778 = 0.0373 -> 0.04; requests 0.016 M x 0.20 = 0.0032 -> 0.00
        List<LineItem> items = Formulas.lambdaProvisioned(P, "arm64", 1, d("1"), d("730"), d("16000"), d("0.3"));
        assertThat(line(items, "lambda-provisioned").amount()).isEqualByComparingTo("8.76");
        assertThat(line(items, "lambda-duration").amount()).isEqualByComparingTo("0.04");
        assertThat(line(items, "lambda-requests").amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void cloudfront_bills_requests_per_ten_thousand_and_data_above_the_free_allowances() {
        // 20 M requests - 10 M free = 10 M = 1,000 x 10k x 0.01 = 10.00; 2,048 GB - 1,024 free = 1,024 x 0.085 = 87.04
        List<LineItem> items = Formulas.cloudFront(P, d("20000000"), d("2048"));
        assertThat(line(items, "cloudfront-requests").quantity()).isEqualByComparingTo("1000");
        assertThat(line(items, "cloudfront-requests").amount()).isEqualByComparingTo("10.00");
        assertThat(line(items, "cloudfront-data-out").amount()).isEqualByComparingTo("87.04");
        assertThat(Formulas.cloudFront(P, d("16000"), d("0.5"))).allSatisfy(l -> assertThat(l.amount()).isZero());
    }

    @Test
    void dynamodb_on_demand_bills_request_units_per_million() {
        // 8,000 lookups x 0.5 RRU = 4,000 RRU x 0.125/M = 0.0005; 4 M RRU x 0.125 = 0.50; 2 M WRU x 0.625 = 1.25
        List<LineItem> items = Formulas.dynamo(P, d("4000000"), d("2000000"));
        assertThat(line(items, "dynamodb-reads").amount()).isEqualByComparingTo("0.50");
        assertThat(line(items, "dynamodb-writes").amount()).isEqualByComparingTo("1.25");
    }

    @Test
    void streaming_bills_whole_stream_minutes_and_recognizer_seconds_with_a_15_second_minimum() {
        // 2,000 calls of 2.5 min: Twilio 3 started minutes each = 6,000 x 0.004 = 24.00; recognizer 5,000 min x 0.024 = 120.00
        List<LineItem> items = Formulas.streamingRecognition(P, d("2000"), d("2.5"), d("3"));
        assertThat(line(items, "twilio-media-streams").amount()).isEqualByComparingTo("24.00");
        assertThat(line(items, "streaming-recognizer").amount()).isEqualByComparingTo("120.00");
        // 10-second calls: the recognizer's 15 s minimum, Twilio's one started minute
        List<LineItem> short10s = Formulas.streamingRecognition(P, d("1000"), new BigDecimal("0.1666667"), d("1"));
        assertThat(line(short10s, "streaming-recognizer").quantity()).isEqualByComparingTo("250");
        assertThat(line(short10s, "twilio-media-streams").quantity()).isEqualByComparingTo("1000");
        // measured calls whose lengths vary bill more started minutes than their average rounded up:
        // 0.61 min on average but 1.08 billed minutes a call -> 1,080 stream minutes for 1,000 calls, not 1,000
        List<LineItem> measured = Formulas.streamingRecognition(P, d("1000"), d("0.61"), d("1.08"));
        assertThat(line(measured, "twilio-media-streams").quantity()).isEqualByComparingTo("1080");
        assertThat(line(measured, "streaming-recognizer").quantity()).isEqualByComparingTo("610");
    }
}
