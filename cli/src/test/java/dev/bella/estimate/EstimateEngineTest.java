package dev.bella.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.report.Category;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every expected figure here was computed by hand from fixtures/prices-test.yaml (see comments). */
class EstimateEngineTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path dir;

    private static EstimatePeriod average() {
        return EstimatePeriod.averageMonth(java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T12:00:00Z"),
                java.time.ZoneOffset.UTC));
    }

    private CostReport estimate(String specText) throws IOException {
        Files.copy(FIXTURES.resolve("prices-test.yaml"), dir.resolve("prices-test.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, specText);
        return new EstimateEngine().estimate(new SpecLoader().load(spec), average(), Optional.empty());
    }

    private static CostReport small() {
        Spec spec = new SpecLoader().load(FIXTURES.resolve("spec-small.yaml"));
        return new EstimateEngine().estimate(spec, average(), Optional.empty());
    }

    private static BigDecimal item(EnvironmentCost env, Category c, String id) {
        return env.category(c).orElseThrow().items().stream().filter(i -> i.id().equals(id))
                .map(LineItem::amount).findFirst().orElseThrow(() -> new AssertionError("no line " + id));
    }

    @Test
    void small_spec_by_hand() {
        CostReport r = small();
        EnvironmentCost prod = r.environments().getFirst();
        // 730 h x 1 vCPU x 0.04 = 29.20; 730 h x 2 GB x 0.005 = 7.30; 730 IP-hours x 0.005 = 3.65
        assertThat(item(prod, Category.COMPUTE, "fargate-vcpu")).isEqualByComparingTo("29.20");
        assertThat(item(prod, Category.COMPUTE, "fargate-memory")).isEqualByComparingTo("7.30");
        assertThat(item(prod, Category.COMPUTE, "task-public-ipv4")).isEqualByComparingTo("3.65");
        // 730 x 0.02 = 14.60; 20 GB x 0.10 = 2.00
        assertThat(r.categoryTotal(Category.DATABASE)).isEqualByComparingTo("16.60");
        assertThat(r.categoryTotal(Category.CACHE)).isEqualByComparingTo("14.60");
        // ALB 730 x 0.025 = 18.25; two ALB addresses 1460 x 0.005 = 7.30; LCU 0.1 LCU-h x 0.008 = 0.00
        assertThat(item(prod, Category.NETWORKING, "alb-hours")).isEqualByComparingTo("18.25");
        assertThat(item(prod, Category.NETWORKING, "alb-public-ipv4")).isEqualByComparingTo("7.30");
        assertThat(r.categoryTotal(Category.NETWORKING)).isEqualByComparingTo("25.55");
        // logs: (10 - 5 free) GB x 0.5 = 2.50; stored 10 x 30 / 30.4167 = 9.863 - 5 free = 4.863 x 0.03 = 0.15
        assertThat(item(prod, Category.STORAGE_AND_LOGS, "logs-ingestion")).isEqualByComparingTo("2.50");
        assertThat(item(prod, Category.STORAGE_AND_LOGS, "logs-storage")).isEqualByComparingTo("0.15");
        assertThat(item(prod, Category.STORAGE_AND_LOGS, "data-transfer-out")).isEqualByComparingTo("0.00");
        // 1000 calls x 2 min x 0.01 = 20; 3000 turns x 0.02 = 60; number 1.00;
        // 1500 LLM requests x 1000 tokens = 1.5 M x 0.2 = 0.30; x 100 tokens = 0.15 M x 0.8 = 0.12
        assertThat(item(prod, Category.THIRD_PARTY_APIS, "twilio-minutes")).isEqualByComparingTo("20.00");
        assertThat(item(prod, Category.THIRD_PARTY_APIS, "twilio-speech")).isEqualByComparingTo("60.00");
        assertThat(item(prod, Category.THIRD_PARTY_APIS, "openai-input")).isEqualByComparingTo("0.30");
        assertThat(item(prod, Category.THIRD_PARTY_APIS, "openai-output")).isEqualByComparingTo("0.12");
        assertThat(r.thirdPartyTotal()).isEqualByComparingTo("81.42");
        assertThat(r.awsTotal()).isEqualByComparingTo("99.55");
        assertThat(r.total()).isEqualByComparingTo("180.97");
        // 180.97 / 1000 calls
        assertThat(r.costPerCall().orElseThrow().value()).isEqualByComparingTo("0.1810");
        assertThat(r.costPerCall().orElseThrow().withinTarget()).contains(false);
        // daily: 99.55 / (730 / 24) = 3.27 > 3.00
        CostReport.BudgetStatus budget = r.budget().orElseThrow();
        assertThat(budget.dailySpend()).isEqualByComparingTo("3.27");
        assertThat(budget.overDaily()).isTrue();
        assertThat(budget.overMonthly()).isFalse();
        assertThat(budget.monthlyPercent()).contains(new BigDecimal("99.6"));
    }

    @Test
    void twilio_bills_whole_minutes_per_call_and_speech_per_speech_gather_not_per_turn() throws IOException {
        String spec = Files.readString(FIXTURES.resolve("spec-small.yaml"))
                .replace("minutes-per-call: 2\n", "minutes-per-call: 2.5\n  speech-gathers-per-call: 1.5\n"
                        + "  keypad-gathers-per-call: 1.2\n  speech-blocks-per-gather: 1.1\n");
        EnvironmentCost prod = estimate(spec).environments().getFirst();
        // 1000 calls x 3 billed minutes (2.5 rounded up per call) x 0.01 = 30.00, not 2.5 x 1000 x 0.01 = 25
        assertThat(item(prod, Category.THIRD_PARTY_APIS, "twilio-minutes")).isEqualByComparingTo("30.00");
        // 1000 x 1.5 speech Gathers x 1.1 blocks = 1650 blocks x 0.02 = 33.00 (the 3 turns no longer decide it)
        assertThat(item(prod, Category.THIRD_PARTY_APIS, "twilio-speech")).isEqualByComparingTo("33.00");
        // keypad-only Gathers: listed, no speech charge
        assertThat(item(prod, Category.THIRD_PARTY_APIS, "twilio-keypad")).isEqualByComparingTo("0.00");
    }

    @Test
    void subtotals_are_the_sums_of_their_rounded_lines() {
        for (var c : small().environments().getFirst().categories()) {
            assertThat(c.items().stream().map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(c.subtotal());
        }
    }

    @Test
    void arm_spot_and_scheduled_hours() throws IOException {
        CostReport r = estimate("""
                region: test-region-1
                prices: prices-test.yaml
                environments:
                  dev:
                    service: {cpu: 512, memory: 1024, architecture: arm64, desired: 1, spot-weight: 50}
                    ingress: http-api
                    database: {instance-class: db.t3.micro, storage-gb: 20, storage-type: gp3}
                    cache: none
                    schedule: always-on-weekdays
                schedules:
                  always-on-weekdays:
                    timezone: UTC
                    running: [{days: mon-sun, from: "00:00", to: "24:00"}]
                usage: {calls-per-month: 0, log-gb-per-month: 0, data-out-gb-per-month: 0, phone-numbers: 0}
                """);
        EnvironmentCost dev = r.environments().getFirst();
        assertThat(dev.runningHours()).isEqualByComparingTo("730");
        // on-demand half: 365 task-h x 0.5 vCPU x 0.03 = 5.475 -> 5.48; memory 365 x 1 GB x 0.004 = 1.46
        assertThat(item(dev, Category.COMPUTE, "fargate-vcpu")).isEqualByComparingTo("5.48");
        assertThat(item(dev, Category.COMPUTE, "fargate-memory")).isEqualByComparingTo("1.46");
        // Spot half at 50% off: 5.475 / 2 = 2.7375 -> 2.74; 1.46 / 2 = 0.73
        assertThat(item(dev, Category.COMPUTE, "fargate-spot-vcpu")).isEqualByComparingTo("2.74");
        assertThat(item(dev, Category.COMPUTE, "fargate-spot-memory")).isEqualByComparingTo("0.73");
        assertThat(dev.category(Category.CACHE)).isEmpty();
        // gp3 20 x 0.08
        assertThat(item(dev, Category.DATABASE, "rds-storage")).isEqualByComparingTo("1.60");
        // HTTP API, no calls: nothing for requests, VPC link free, Cloud Map 1 task-month x 0.10; and the
        // scheduler's public IPv4 (default 20 s runs every 10 min: 4,380 x 20 s = 24.33 IP-hours x 0.005 = 0.12)
        assertThat(r.categoryTotal(Category.NETWORKING)).isEqualByComparingTo("0.22");
        assertThat(item(dev, Category.NETWORKING, "scheduler-public-ipv4")).isEqualByComparingTo("0.12");
    }

    @Test
    void a_reservation_is_paid_every_hour_and_covers_the_instance() throws IOException {
        CostReport r = estimate("""
                region: test-region-1
                prices: prices-test.yaml
                environments:
                  prod:
                    database: {instance-class: db.t3.micro, storage-gb: 20, storage-type: gp2}
                    cache: {engine: redis, node-type: cache.t3.micro}
                    commitments:
                      database: {coverage-percent: 100, payment: all-upfront}
                      cache: {coverage-percent: 50, payment: no-upfront}
                usage: {calls-per-month: 0}
                """);
        EnvironmentCost prod = r.environments().getFirst();
        // 730 h x 0.010 = 7.30, nothing on demand
        assertThat(item(prod, Category.DATABASE, "rds-reserved")).isEqualByComparingTo("7.30");
        assertThat(prod.category(Category.DATABASE).orElseThrow().items()).extracting(LineItem::id)
                .doesNotContain("rds-on-demand");
        // half the node-hours reserved: 365 x 0.014 = 5.11; the other half on demand: 365 x 0.02 = 7.30
        assertThat(item(prod, Category.CACHE, "elasticache-reserved")).isEqualByComparingTo("5.11");
        assertThat(item(prod, Category.CACHE, "elasticache-on-demand")).isEqualByComparingTo("7.30");
    }

    @Test
    void a_three_year_reservation_is_priced_from_its_own_rate_in_the_table() throws IOException {
        CostReport r = estimate("""
                region: test-region-1
                prices: prices-test.yaml
                environments:
                  prod:
                    database: {instance-class: db.t3.micro, storage-gb: 20, storage-type: gp2}
                    cache: {engine: redis, node-type: cache.t3.micro}
                    commitments:
                      database: {coverage-percent: 100, term: 3y, payment: partial-upfront}
                      cache: {coverage-percent: 100, term: 3y, payment: all-upfront}
                usage: {calls-per-month: 0}
                """);
        EnvironmentCost prod = r.environments().getFirst();
        // 730 h x 0.008 (the table's 3y partial-upfront effective rate) = 5.84; the 1y rates would give 8.76 or 7.30
        assertThat(item(prod, Category.DATABASE, "rds-reserved")).isEqualByComparingTo("5.84");
        // 730 h x 0.009 = 6.57
        assertThat(item(prod, Category.CACHE, "elasticache-reserved")).isEqualByComparingTo("6.57");
        assertThat(prod.category(Category.DATABASE).orElseThrow().items()).extracting(LineItem::description)
                .anySatisfy(d -> assertThat(d).contains("reserved 3y partial-upfront, 100% coverage"));
    }

    @Test
    void multi_az_doubles_storage_and_nat_gateways_are_priced() throws IOException {
        CostReport r = estimate("""
                region: test-region-1
                prices: prices-test.yaml
                environments:
                  prod:
                    network: {availability-zones: 2, nat-gateways: 1}
                    database: {instance-class: db.t3.micro, storage-gb: 20, storage-type: gp2, multi-az: true}
                usage: {calls-per-month: 0, data-out-gb-per-month: 10}
                """);
        EnvironmentCost prod = r.environments().getFirst();
        assertThat(item(prod, Category.DATABASE, "rds-on-demand")).isEqualByComparingTo("29.20"); // 730 x 0.04
        assertThat(item(prod, Category.DATABASE, "rds-storage")).isEqualByComparingTo("4.00");   // 20 x 2 x 0.10
        assertThat(item(prod, Category.NETWORKING, "nat-hours")).isEqualByComparingTo("36.50");  // 730 x 0.05
        assertThat(item(prod, Category.NETWORKING, "nat-data")).isEqualByComparingTo("0.50");    // 10 GB x 0.05
        // private subnets: no public IPv4 for the task
        assertThat(prod.category(Category.COMPUTE).orElseThrow().items()).extracting(LineItem::id)
                .doesNotContain("task-public-ipv4");
    }

    @Test
    void a_calendar_month_uses_its_own_hours() {
        Spec spec = new SpecLoader().load(FIXTURES.resolve("spec-small.yaml"));
        CostReport dec = new EstimateEngine().estimate(spec, EstimatePeriod.month(YearMonth.of(2026, 12)), Optional.empty());
        // 744 h x 0.04 = 29.76
        assertThat(item(dec.environments().getFirst(), Category.COMPUTE, "fargate-vcpu")).isEqualByComparingTo("29.76");
        assertThat(dec.period().hours()).isEqualByComparingTo("744");
    }

    @Test
    void free_allowances_are_shared_between_environments_not_granted_twice() throws IOException {
        CostReport r = estimate("""
                region: test-region-1
                prices: prices-test.yaml
                environments:
                  a: {logs: {retention-days: 1}, database: {instance-class: db.t3.micro}}
                  b: {logs: {retention-days: 1}, database: {instance-class: db.t3.micro}}
                usage: {calls-per-month: 0, log-gb-per-month: 10}
                """);
        // 20 GB ingested in all, 5 GB free in all: 15 GB x 0.5 = 7.50, split evenly
        assertThat(r.categoryTotal(Category.STORAGE_AND_LOGS)).isEqualByComparingTo("7.50");
    }

    @Test
    void a_price_missing_from_the_table_is_an_error_not_a_zero() throws IOException {
        Files.writeString(dir.resolve("prices-test.yaml"), Files.readString(FIXTURES.resolve("prices-test.yaml"))
                .replaceAll("(?m)^  alb\\.hour:.*\\n", ""));
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "region: test-region-1\nprices: prices-test.yaml\nenvironments: {prod: {ingress: alb,"
                + " database: {instance-class: db.t3.micro}}}\n");
        Spec loaded = new SpecLoader().load(spec);
        assertThatThrownBy(() -> new EstimateEngine().estimate(loaded, average(), Optional.empty()))
                .isInstanceOf(dev.bella.prices.MissingPriceException.class)
                .hasMessageContaining("alb.hour");
    }
}
