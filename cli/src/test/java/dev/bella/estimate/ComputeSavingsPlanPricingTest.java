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
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Compute Savings Plan in the estimate, by hand from fixtures/prices-test.yaml: spec-small's prod runs one
 * 1 vCPU / 2 GB x86 task 730 h: on demand 0.04 + 2 x 0.005 = 0.05 an hour; at the plan's 1y no-upfront rates
 * 0.03 + 2 x 0.00375 = 0.0375 an hour (the rates are the table's, not a ratio).
 */
class ComputeSavingsPlanPricingTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path dir;

    CostReport estimate(String compute) throws IOException {
        Files.copy(FIXTURES.resolve("prices-test.yaml"), dir.resolve("prices-test.yaml"), StandardCopyOption.REPLACE_EXISTING);
        String spec = Files.readString(FIXTURES.resolve("spec-small.yaml")).replace("    logs: {retention-days: 30}\n",
                "    logs: {retention-days: 30}\n    commitments:\n      compute: " + compute + "\n");
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, spec);
        return new EstimateEngine().estimate(new SpecLoader().load(file), EstimatePeriod.averageMonth(
                Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC)), Optional.empty());
    }

    static BigDecimal item(CostReport r, String id) {
        EnvironmentCost prod = r.environments().getFirst();
        return prod.category(Category.COMPUTE).orElseThrow().items().stream().filter(i -> i.id().equals(id))
                .map(LineItem::amount).findFirst().orElseThrow(() -> new AssertionError("no line " + id));
    }

    @Test
    void a_commitment_below_the_usage_saves_the_plans_discount_on_what_it_covers() throws IOException {
        CostReport r = estimate("{commitment-usd-per-hour: 0.03, term: 1y, payment: no-upfront}");
        // 0.03 x 730 = 21.90 committed; it buys 0.03 of plan-rate usage = 0.03 x 0.05 / 0.0375 = 0.04 of on-demand
        // an hour, 0.04 x 730 = 29.20 covered: the plan saves 7.30 a month
        assertThat(item(r, "compute-savings-plan")).isEqualByComparingTo("21.90");
        assertThat(item(r, "fargate-covered-by-savings-plan")).isEqualByComparingTo("-29.20");
        assertThat(item(r, "fargate-vcpu")).isEqualByComparingTo("29.20");
    }

    @Test
    void a_commitment_above_the_usage_wastes_what_it_does_not_cover() throws IOException {
        CostReport r = estimate("{commitment-usd-per-hour: 0.05}");
        // 0.05 x 730 = 36.50 committed; the usage is only 0.0375 an hour at plan rates, all of it covered:
        // 0.05 x 730 = 36.50 of on-demand; the plan saves nothing (the extra 0.0125 an hour is wasted)
        assertThat(item(r, "compute-savings-plan")).isEqualByComparingTo("36.50");
        assertThat(item(r, "fargate-covered-by-savings-plan")).isEqualByComparingTo("-36.50");
    }

    @Test
    void a_plan_without_rates_in_the_price_table_is_a_spec_error_with_its_position() {
        assertThatThrownBy(() -> estimate("{commitment-usd-per-hour: 0.03, term: 3y, payment: all-upfront}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("commitments.compute: a Compute Savings Plan (3y all-upfront) for x86 Fargate has "
                        + "no rate in")
                .hasMessageContaining("fargate.x86.vcpu-hour.savings-plan-3y-all-upfront");
        assertThatThrownBy(() -> estimate("{term: 1y}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing required key 'commitment-usd-per-hour'");
        assertThatThrownBy(() -> estimate("{commitment-usd-per-hour: 0.03, term: 5y}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("term");
    }
}
