package dev.bella.alternatives;

import dev.bella.prices.PriceTable;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The pricing formulas of the alternatives, each quantity × unit price from the table (billing rules such as
 * minimums and free allowances applied here, once). docs/alternatives.md gives each with its source; the
 * tests compute each by hand.
 */
final class Formulas {

    static final String AURORA_ACU_HOUR = "aurora.postgres.serverless-v2.acu-hour";
    static final String AURORA_T4G_MEDIUM_HOUR = "aurora.postgres.db.t4g.medium.hour";
    static final String AURORA_STORAGE = "aurora.storage.gb-month";
    static final String AURORA_IO = "aurora.io.million-requests";
    static final String EBS_GP3 = "ebs.gp3.gb-month";
    static final String LAMBDA_REQUESTS = "lambda.million-requests";
    static final String LAMBDA_FREE_REQUESTS = "lambda.free.requests";
    static final String LAMBDA_FREE_GB_SECONDS = "lambda.free.gb-seconds";
    static final String CLOUDFRONT_10K = "cloudfront.https.10k-requests";
    static final String CLOUDFRONT_GB = "cloudfront.data-out.gb";
    static final String CLOUDFRONT_FREE_REQUESTS = "cloudfront.free.requests";
    static final String CLOUDFRONT_FREE_GB = "cloudfront.free.gb";
    static final String NAT_HOUR = "vpc.nat-gateway.hour";
    static final String NAT_GB = "vpc.nat-gateway.gb";
    static final String DYNAMO_READ = "dynamodb.on-demand.million-read-units";
    static final String DYNAMO_WRITE = "dynamodb.on-demand.million-write-units";
    static final String TRANSCRIBE_MINUTE = "transcribe.streaming.minute";
    static final String TRANSCRIBE_MINIMUM_SECONDS = "transcribe.streaming.minimum-seconds";
    static final String MEDIA_STREAMS_MINUTE = "twilio.media-streams.minute";
    static final String INTER_REGION_GB = "data-transfer.inter-region.gb";
    static final String HEALTH_CHECK_MONTH = "route53.health-check.month";
    static final String PUBLIC_IPV4_HOUR = "vpc.public-ipv4.hour";

    static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);
    private static final MathContext MC = MathContext.DECIMAL64;

    private Formulas() {
    }

    /**
     * Aurora Serverless v2: ACU-hours are the floor held for {@code floorHours} plus, while busy, the ACUs
     * above the floor; storage is billed on what is stored, I/O per million requests (Aurora Standard).
     */
    static List<LineItem> auroraServerless(PriceTable p, BigDecimal floorAcu, BigDecimal floorHours, BigDecimal busyAcu,
                                           BigDecimal busyHours, BigDecimal storageGbMonths, BigDecimal ioRequests) {
        BigDecimal acuHours = floorAcu.multiply(floorHours)
                .add(busyAcu.subtract(floorAcu).max(BigDecimal.ZERO).multiply(busyHours.min(floorHours)));
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced("aurora-acu", "Aurora Serverless v2, floor " + floorAcu.toPlainString() + " ACU for "
                        + floorHours.setScale(0, RoundingMode.HALF_UP) + " h, " + busyAcu.toPlainString() + " ACU while busy",
                acuHours, "ACU-hours", p.price(AURORA_ACU_HOUR), AURORA_ACU_HOUR));
        items.addAll(auroraStorage(p, storageGbMonths, ioRequests));
        return items;
    }

    static List<LineItem> auroraProvisioned(PriceTable p, BigDecimal instanceHours, BigDecimal storageGbMonths,
                                            BigDecimal ioRequests) {
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced("aurora-instance", "Aurora PostgreSQL db.t4g.medium on-demand", instanceHours,
                "instance-hours", p.price(AURORA_T4G_MEDIUM_HOUR), AURORA_T4G_MEDIUM_HOUR));
        items.addAll(auroraStorage(p, storageGbMonths, ioRequests));
        return items;
    }

    private static List<LineItem> auroraStorage(PriceTable p, BigDecimal gbMonths, BigDecimal ioRequests) {
        return List.of(
                LineItem.priced("aurora-storage", "Aurora storage", gbMonths, "GB-months", p.price(AURORA_STORAGE),
                        AURORA_STORAGE),
                LineItem.priced("aurora-io", "Aurora I/O requests", ioRequests.divide(MILLION, MC), "million requests",
                        p.price(AURORA_IO), AURORA_IO));
    }

    /**
     * ECS on EC2: instance-hours at the instance's price, its gp3 root volume for as long as the instance
     * exists (an Auto Scaling group deletes it with the instance), and its public IPv4 address when it has one.
     */
    static List<LineItem> ec2(PriceTable p, String instanceType, BigDecimal instanceHours, int rootVolumeGb,
                              boolean publicIp) {
        String key = "ec2." + instanceType + ".hour";
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced("ec2-instances", "EC2 " + instanceType + " on-demand (ECS container instances)",
                instanceHours, "instance-hours", p.price(key), key));
        items.add(LineItem.priced("ebs-root", "EBS gp3 root volumes, " + rootVolumeGb + " GB each",
                BigDecimal.valueOf(rootVolumeGb).multiply(instanceHours).divide(HOURS_PER_MONTH, MC), "GB-months",
                p.price(EBS_GP3), EBS_GP3));
        if (publicIp) {
            items.add(LineItem.priced("ec2-public-ipv4", "Public IPv4 address per instance", instanceHours, "IP-hours",
                    p.price(PUBLIC_IPV4_HOUR), PUBLIC_IPV4_HOUR));
        }
        return items;
    }

    /** Lambda on demand: requests and GB-seconds above the monthly free allowances. */
    static List<LineItem> lambda(PriceTable p, String arch, BigDecimal requests, BigDecimal secondsPerRequest,
                                 BigDecimal memoryGb) {
        BigDecimal gbSeconds = requests.multiply(secondsPerRequest).multiply(memoryGb);
        BigDecimal freeRequests = p.price(LAMBDA_FREE_REQUESTS);
        BigDecimal freeGbSeconds = p.price(LAMBDA_FREE_GB_SECONDS);
        String durationKey = "lambda." + arch + ".gb-second";
        return List.of(
                LineItem.priced("lambda-requests", "Lambda requests (" + requests.setScale(0, RoundingMode.HALF_UP)
                                + ", " + freeRequests.toPlainString() + " free)",
                        requests.subtract(freeRequests).max(BigDecimal.ZERO).divide(MILLION, MC), "million requests",
                        p.price(LAMBDA_REQUESTS), LAMBDA_REQUESTS),
                LineItem.priced("lambda-duration", "Lambda duration " + arch + " (" + gbSeconds.setScale(0, RoundingMode.HALF_UP)
                                + " GB-s, " + freeGbSeconds.toPlainString() + " free)",
                        gbSeconds.subtract(freeGbSeconds).max(BigDecimal.ZERO), "GB-seconds", p.price(durationKey),
                        durationKey));
    }

    /**
     * Lambda with provisioned concurrency (no cold start in the voice path): the configured GB-seconds all
     * the hours it is configured, the requests' duration at the lower provisioned rate, every request. The
     * free allowances do not apply to a function with provisioned concurrency.
     */
    static List<LineItem> lambdaProvisioned(PriceTable p, String arch, int concurrency, BigDecimal memoryGb,
                                            BigDecimal hours, BigDecimal requests, BigDecimal secondsPerRequest) {
        String configured = "lambda." + arch + ".provisioned.gb-second";
        String duration = "lambda." + arch + ".provisioned-duration.gb-second";
        BigDecimal configuredGbSeconds = BigDecimal.valueOf(concurrency).multiply(memoryGb).multiply(hours)
                .multiply(SECONDS_PER_HOUR);
        return List.of(
                LineItem.priced("lambda-provisioned", "Lambda provisioned concurrency " + concurrency + " x "
                        + memoryGb.stripTrailingZeros().toPlainString() + " GB " + arch, configuredGbSeconds, "GB-seconds",
                        p.price(configured), configured),
                LineItem.priced("lambda-requests", "Lambda requests", requests.divide(MILLION, MC), "million requests",
                        p.price(LAMBDA_REQUESTS), LAMBDA_REQUESTS),
                LineItem.priced("lambda-duration", "Lambda duration on provisioned concurrency",
                        requests.multiply(secondsPerRequest).multiply(memoryGb), "GB-seconds", p.price(duration), duration));
    }

    /** CloudFront: HTTPS requests per 10,000 and data out per GB, above the monthly free allowances. */
    static List<LineItem> cloudFront(PriceTable p, BigDecimal requests, BigDecimal gbOut) {
        BigDecimal freeRequests = p.price(CLOUDFRONT_FREE_REQUESTS);
        BigDecimal freeGb = p.price(CLOUDFRONT_FREE_GB);
        return List.of(
                LineItem.priced("cloudfront-requests", "CloudFront HTTPS requests (" + requests.setScale(0, RoundingMode.HALF_UP)
                                + ", " + freeRequests.toPlainString() + " free)",
                        requests.subtract(freeRequests).max(BigDecimal.ZERO).divide(BigDecimal.valueOf(10_000), MC),
                        "10,000 requests", p.price(CLOUDFRONT_10K), CLOUDFRONT_10K),
                LineItem.priced("cloudfront-data-out", "CloudFront data out (" + gbOut.setScale(1, RoundingMode.HALF_UP)
                                + " GB, " + freeGb.toPlainString() + " GB free)",
                        gbOut.subtract(freeGb).max(BigDecimal.ZERO), "GB", p.price(CLOUDFRONT_GB), CLOUDFRONT_GB));
    }

    /** A NAT gateway's hours and the data it processes. */
    static List<LineItem> nat(PriceTable p, BigDecimal hours, BigDecimal gb) {
        return List.of(
                LineItem.priced("nat-hours", "NAT gateway (for the functions' way out)", hours, "hours",
                        p.price(NAT_HOUR), NAT_HOUR),
                LineItem.priced("nat-data", "NAT gateway data processed", gb, "GB", p.price(NAT_GB), NAT_GB));
    }

    /** DynamoDB on demand: read and write request units per million. */
    static List<LineItem> dynamo(PriceTable p, BigDecimal readUnits, BigDecimal writeUnits) {
        return List.of(
                LineItem.priced("dynamodb-reads", "DynamoDB on-demand reads", readUnits.divide(MILLION, MC),
                        "million RRU", p.price(DYNAMO_READ), DYNAMO_READ),
                LineItem.priced("dynamodb-writes", "DynamoDB on-demand writes", writeUnits.divide(MILLION, MC),
                        "million WRU", p.price(DYNAMO_WRITE), DYNAMO_WRITE));
    }

    /**
     * The call's audio streamed to a per-second recognizer for the whole call: Twilio bills the stream like the
     * call, per started minute ({@code billedMinutesPerCall}, the voice usage's whole minutes), the recognizer per
     * second of the call with a minimum per stream (the table's {@code transcribe.streaming.minimum-seconds}).
     */
    static List<LineItem> streamingRecognition(PriceTable p, BigDecimal calls, BigDecimal minutesPerCall,
                                               BigDecimal billedMinutesPerCall) {
        BigDecimal minimumMinutes = p.price(TRANSCRIBE_MINIMUM_SECONDS).divide(SECONDS_PER_MINUTE, MC);
        BigDecimal streamMinutes = calls.multiply(billedMinutesPerCall);
        BigDecimal recognizerMinutes = calls.multiply(minutesPerCall.max(minimumMinutes));
        return List.of(
                LineItem.priced("twilio-media-streams", "Twilio Media Streams (whole minutes per call)", streamMinutes,
                        "minutes", p.price(MEDIA_STREAMS_MINUTE), MEDIA_STREAMS_MINUTE),
                LineItem.priced("streaming-recognizer", "Amazon Transcribe streaming (per second, "
                                + p.price(TRANSCRIBE_MINIMUM_SECONDS).stripTrailingZeros().toPlainString() + " s minimum)",
                        recognizerMinutes, "minutes", p.price(TRANSCRIBE_MINUTE), TRANSCRIBE_MINUTE));
    }
}
