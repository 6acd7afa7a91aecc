package dev.bella.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.report.CostReport;
import dev.bella.report.LineItem;
import dev.bella.spec.SpecLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A two-block scheduled profile priced by hand over fixtures/prices-test.yaml. */
class ScheduledProfileTest {

    @TempDir
    Path dir;

    private CostReport estimate(int callsPerMonth, String scheduled) throws IOException {
        Files.copy(Path.of("src/test/resources/fixtures/prices-test.yaml"), dir.resolve("prices-test.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                project: test
                region: test-region-1
                prices: prices-test.yaml
                timezone: America/Toronto
                environments:
                  prod:
                    service:
                      cpu: 1024
                      memory: 2048
                      architecture: x86
                      desired: 1
                      autoscaling:
                        min: 1
                        max: 4
                        peak: {extra-tasks: 2, hours-per-month: 100}
                        %s
                        calls-per-task: {value: 4, source: test}
                    ingress: alb
                    database: {instance-class: db.t3.micro, storage-gb: 20, storage-type: gp2}
                usage: {calls-per-month: %d, minutes-per-call: 2}
                """.formatted(scheduled, callsPerMonth));
        return new EstimateEngine().estimate(new SpecLoader().load(spec), EstimatePeriod.averageMonth(
                Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC)), Optional.empty());
    }

    private static LineItem line(CostReport r, String id) {
        return r.environments().getFirst().categories().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void twoBlocksArePricedHourByHourInsteadOfThePeakGuess() throws IOException {
        CostReport r = estimate(1000, "scheduled: [{days: mon-fri, from: \"09:00\", to: \"11:00\", min: 3}, "
                + "{days: sat, from: \"10:00\", to: \"12:00\", min: 2}]");
        // a week: 168 task-hours at 1, plus 5 days x 2 h x 2 more, plus 2 h x 1 more = 190; 730 h x 190/168
        BigDecimal taskHours = line(r, "fargate-vcpu").quantity(); // 1 vCPU per task
        assertThat(taskHours.setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("825.5952");
        assertThat(line(r, "fargate-memory").quantity().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("1651.1905");
        assertThat(line(r, "fargate-vcpu").amount().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("33.02");
        // 1000 calls x 2 min / 43,800 min = 0.046 calls at once; 1.13 tasks x 4 = 4.52 calls of capacity: 1.0%
        assertThat(r.notes()).contains("prod: scheduled capacity averages 1.13 tasks (priced hour by hour instead of "
                + "peak); expected utilization 1.0% (0.046 concurrent calls on average, 4 calls per task), below the "
                + "seed's 70-80% target");
    }

    @Test
    void withoutBlocksThePeakGuessStillApplies() throws IOException {
        CostReport r = estimate(1000, "");
        assertThat(line(r, "fargate-vcpu").quantity()).isEqualByComparingTo("930"); // 730 + 2 x 100
        assertThat(r.notes()).noneMatch(n -> n.contains("scheduled capacity"));
    }

    @Test
    void aBusyServiceLandsInTheBand() throws IOException {
        // 74,303 calls x 2 min / 43,800 = 3.393 at once over 4.524 of capacity: 75.0%
        CostReport r = estimate(74_303, "scheduled: [{days: mon-fri, from: \"09:00\", to: \"11:00\", min: 3}, "
                + "{days: sat, from: \"10:00\", to: \"12:00\", min: 2}]");
        assertThat(r.notes()).anyMatch(n -> n.contains("expected utilization 75.0%") && n.endsWith("within the seed's "
                + "70-80% target"));
    }
}
