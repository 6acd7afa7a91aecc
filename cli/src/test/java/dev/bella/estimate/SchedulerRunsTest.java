package dev.bella.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.report.Category;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev scheduler's own runs, by hand from fixtures/prices-test.yaml (arm64: 0.03 vCPU-hour, 0.004 GB-hour). */
class SchedulerRunsTest {

    @TempDir
    Path dir;

    private Spec spec(String every, String usage, String network) throws IOException {
        Files.copy(EstimateEngineTest.FIXTURES.resolve("prices-test.yaml"), dir.resolve("prices-test.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, """
                region: test-region-1
                prices: prices-test.yaml
                environments:
                  prod:
                    service: {cpu: 256, memory: 512, architecture: arm64, desired: 1}
                    ingress: http-api
                    database: {instance-class: db.t3.micro, storage-gb: 20, storage-type: gp3}
                    cache: none
                  dev:
                    service: {cpu: 256, memory: 512, architecture: arm64, desired: 1}
                    ingress: http-api
                    database: {instance-class: db.t3.micro, storage-gb: 20, storage-type: gp3}
                    cache: none
                    logs: {retention-days: 7}
                    schedule: office
                    scheduler: {every: %s}
                    network: %s
                schedules:
                  office:
                    timezone: UTC
                    running: [{days: mon-fri, from: "08:00", to: "18:00"}]
                usage: {calls-per-month: 0, log-gb-per-month: 0, data-out-gb-per-month: 0, phone-numbers: 0, %s}
                """.formatted(every, network, usage));
        return new SpecLoader().load(file);
    }

    private static LineItem line(List<LineItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void every_15_minutes_40_second_runs_bill_96_one_minute_minimums_a_day() throws IOException {
        Spec spec = spec("15m", "scheduler-run-seconds: 40, scheduler-log-bytes-per-run: 1024", "{nat-gateways: 0}");
        Environment dev = spec.environment("dev").orElseThrow();
        SchedulerRuns runs = new SchedulerRuns(spec.prices(), BigDecimal.valueOf(24));
        // 24 h x 4 runs an hour
        assertThat(runs.runs(dev.scheduler().every())).isEqualByComparingTo("96");
        List<LineItem> compute = runs.compute(SchedulerRuns.Task.of(dev));
        // each 40 s run bills Fargate's 60 s minimum: 96 x 60 s = 5,760 s = 1.6 task-hours
        // x 0.25 vCPU = 0.4 vCPU-hours (x 0.03 = 0.012 -> 0.01); x 0.5 GB = 0.8 GB-hours (x 0.004 = 0.0032 -> 0.00)
        assertThat(line(compute, "scheduler-vcpu").quantity()).isEqualByComparingTo("0.4");
        assertThat(line(compute, "scheduler-vcpu").amount()).isEqualByComparingTo("0.01");
        assertThat(line(compute, "scheduler-vcpu").description()).contains("96 (every 15 min)", "60 s billed each",
                "40 s run", "0.25 vCPU / 0.5 GB arm64");
        assertThat(line(compute, "scheduler-memory").quantity()).isEqualByComparingTo("0.8");
        // the public IPv4 address is held for the run itself: 96 x 40 s = 3,840 s
        assertThat(line(runs.network(SchedulerRuns.Task.of(dev)), "scheduler-public-ipv4").quantity())
                .isEqualByComparingTo(new BigDecimal("3840").divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64));
        // 96 x 1 KiB of log lines
        assertThat(line(runs.logs(SchedulerRuns.Task.of(dev)), "scheduler-logs-ingestion").quantity())
                .isEqualByComparingTo(new BigDecimal(96 * 1024).divide(BigDecimal.valueOf(1L << 30), MathContext.DECIMAL64));
    }

    @Test
    void a_run_past_the_minimum_bills_its_own_seconds_and_private_tasks_have_no_address() throws IOException {
        Spec spec = spec("60m", "scheduler-run-seconds: 90", "{nat-gateways: 1}");
        Environment dev = spec.environment("dev").orElseThrow();
        SchedulerRuns runs = new SchedulerRuns(spec.prices(), BigDecimal.valueOf(24));
        // 24 runs x 90 s = 2,160 s = 0.6 task-hours x 0.25 vCPU
        assertThat(line(runs.compute(SchedulerRuns.Task.of(dev)), "scheduler-vcpu").quantity()).isEqualByComparingTo("0.15");
        assertThat(runs.network(SchedulerRuns.Task.of(dev))).isEmpty();
    }

    @Test
    void the_saving_is_net_of_the_scheduler_and_the_report_shows_gross_scheduler_and_net() throws IOException {
        Spec spec = spec("10m", "scheduler-run-seconds: 40", "{nat-gateways: 0}");
        EstimatePeriod month = EstimatePeriod.averageMonth(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
        CostReport report = new EstimateEngine().estimate(spec, month, Optional.empty());
        EnvironmentCost dev = report.environments().stream().filter(e -> e.name().equals("dev")).findFirst().orElseThrow();
        EnvironmentCost prod = report.environments().stream().filter(e -> e.name().equals("prod")).findFirst().orElseThrow();
        List<LineItem> compute = dev.category(Category.COMPUTE).orElseThrow().items();
        // 730 h x 6 runs an hour = 4,380 runs x 60 s = 73 task-hours: 18.25 vCPU-hours x 0.03 = 0.5475 -> 0.55,
        // 36.5 GB-hours x 0.004 = 0.146 -> 0.15; the address 4,380 x 40 s = 48.67 h x 0.005 = 0.243 -> 0.24
        assertThat(line(compute, "scheduler-vcpu").amount()).isEqualByComparingTo("0.55");
        assertThat(line(compute, "scheduler-memory").amount()).isEqualByComparingTo("0.15");
        assertThat(line(dev.category(Category.NETWORKING).orElseThrow().items(), "scheduler-public-ipv4").amount())
                .isEqualByComparingTo("0.24");
        assertThat(prod.categories().stream().flatMap(c -> c.items().stream()))
                .noneMatch(i -> i.id().startsWith(SchedulerRuns.PREFIX));

        ScheduleSaving saving = new EstimateEngine().scheduleSaving(spec, month, "dev").orElseThrow();
        assertThat(saving.scheduler()).isEqualByComparingTo("0.94");
        assertThat(saving.gross().subtract(saving.scheduler())).isEqualByComparingTo(saving.net());
        // the net is what the bill shows: the environment running all month minus the scheduled one
        Environment always = ScheduleSaving.unscheduled(spec.environment("dev").orElseThrow());
        assertThat(always.schedule()).isEmpty();
        assertThat(saving.net()).isPositive().isLessThan(saving.gross());
        assertThat(report.notes()).contains(saving.note());
        assertThat(saving.note()).isEqualTo("dev: the schedule saves $" + saving.gross().setScale(2)
                + " gross, its scheduler's runs cost $0.94, net saving $" + saving.net().setScale(2));
        assertThat(new EstimateEngine().scheduleSaving(spec, month, "prod")).isEmpty();
    }
}
