package dev.bella.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.report.Category;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.SpecLoader;
import dev.bella.yaml.ConfigException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * configs/examples/savings-plan.yaml: a 0.015 USD/hour 1-year no-upfront Compute Savings Plan for prod's one
 * always-on 0.5 vCPU / 1 GB Graviton task, checked by hand. The bundled ca-central-1 table gives the on-demand
 * rates (0.03565 per vCPU-hour, 0.00391 per GB-hour); the plan's rates are the Savings Plans stand-in's
 * (CanadaPriceList's 0.0285 and 0.0031: synthetic, not AWS's), added to a copy of the table as `bella prices refresh`
 * would write them.
 */
class SavingsPlanExampleTest {

    static final Path EXAMPLE = Path.of("..", "configs", "examples", "savings-plan.yaml");
    static final Path BUNDLED = Path.of("..", "configs", "prices", "aws-ca-central-1.yaml");

    @TempDir
    Path dir;

    private CostReport estimate(Path spec) {
        return new EstimateEngine().estimate(new SpecLoader().load(spec), EstimatePeriod.averageMonth(
                Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC)), Optional.empty());
    }

    /** The example next to a copy of the bundled table with the plan's rates added. */
    private Path exampleWithRates() throws IOException {
        String table = Files.readString(BUNDLED).replace("sources:\n", "sources:\n"
                + "  stand-in: {url: \"https://example.invalid/savings-plans-stand-in\", retrieved: 2026-12-06}\n");
        table += "  fargate.arm64.vcpu-hour.savings-plan-1y-no-upfront: {price: 0.0285, unit: vCPU-hour, source: stand-in}\n"
                + "  fargate.arm64.gb-hour.savings-plan-1y-no-upfront: {price: 0.0031, unit: GB-hour, source: stand-in}\n";
        Files.writeString(dir.resolve("prices.yaml"), table);
        Path spec = dir.resolve("savings-plan.yaml");
        Files.writeString(spec, Files.readString(EXAMPLE) + "prices: prices.yaml\n");
        return spec;
    }

    private static BigDecimal line(EnvironmentCost env, String id) {
        return env.category(Category.COMPUTE).orElseThrow().items().stream().filter(i -> i.id().equals(id))
                .map(LineItem::amount).findFirst().orElseThrow(() -> new AssertionError("no line " + id));
    }

    @Test
    void the_plan_saves_2_77_a_month_on_the_always_on_task() throws IOException {
        EnvironmentCost prod = estimate(exampleWithRates()).environments().getFirst();

        // on demand: 0.5 vCPU x 730 h = 365 vCPU-hours x 0.03565 = 13.01; 1 GB x 730 h x 0.00391 = 2.85
        assertThat(line(prod, "fargate-vcpu")).isEqualByComparingTo("13.01");
        assertThat(line(prod, "fargate-memory")).isEqualByComparingTo("2.85");
        // the commitment, every hour: 0.015 x 730 = 10.95
        assertThat(line(prod, "compute-savings-plan")).isEqualByComparingTo("10.95");
        // at the plan's rates the task costs 0.5 x 0.0285 + 0.0031 = 0.01735 an hour, above the commitment, so all
        // 0.015 buys usage: 0.015 x (0.021735 / 0.01735) = 0.018791 of on-demand an hour, x 730 = 13.72 covered
        assertThat(line(prod, "fargate-covered-by-savings-plan")).isEqualByComparingTo("-13.72");
        // 10.95 - 13.72: the plan saves 2.77 a month, 33.24 over its year
        assertThat(line(prod, "compute-savings-plan").add(line(prod, "fargate-covered-by-savings-plan")))
                .isEqualByComparingTo("-2.77");
    }

    @Test
    void with_the_bundled_table_the_example_is_refused_naming_the_missing_rate() {
        assertThatThrownBy(() -> estimate(EXAMPLE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("savings-plan.yaml:")
                .hasMessageContaining("commitments.compute: a Compute Savings Plan (1y no-upfront) for arm64 Fargate has"
                        + " no rate in")
                .hasMessageContaining("fargate.arm64.vcpu-hour.savings-plan-1y-no-upfront");
    }
}
