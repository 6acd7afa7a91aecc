package dev.bella.alternatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.estimate.EstimatePeriod;
import dev.bella.prices.MissingPriceException;
import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlternativesServiceTest {

    private final SpecLoader loader = new SpecLoader();
    private final Spec target = loader.load(Path.of("../configs/bella.yaml"));
    private final Spec baseline = loader.load(Path.of("../configs/examples/baseline.yaml"));
    private static final EstimatePeriod DECEMBER = EstimatePeriod.month(YearMonth.of(2026, 12));

    private AlternativesReport compare(Spec spec, Optional<Area> only) {
        return new AlternativesService(loader).compare(spec, DECEMBER, Optional.empty(), only, false);
    }

    private static Option option(AlternativesReport r, String id) {
        return r.areas().stream().flatMap(a -> a.options().stream()).filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + id));
    }

    private static BigDecimal subtotal(Option o, Category c) {
        return o.cost().category(c).map(CategoryCost::subtotal).orElse(BigDecimal.ZERO);
    }

    @Test
    void every_area_has_the_current_design_first_and_alternatives_priced_from_the_same_month() {
        AlternativesReport r = compare(target, Optional.empty());
        assertThat(r.areas()).extracting(a -> a.area()).containsExactly(Area.values());
        for (var area : r.areas()) {
            assertThat(area.options().getFirst().current()).as(area.area().id()).isTrue();
            assertThat(area.options().stream().filter(o -> !o.current())).as(area.area().id()).isNotEmpty();
            for (Option o : area.options()) {
                assertThat(o.difference()).as(o.id()).isEqualByComparingTo(o.monthly().subtract(r.current()));
                if (!o.current()) {
                    assertThat(o.risks()).as(o.id()).isNotEmpty();
                }
            }
        }
        List<BigDecimal> ranked = r.ranked().stream().map(Option::difference).toList();
        assertThat(ranked).isSortedAccordingTo(BigDecimal::compareTo);
    }

    @Test
    void aurora_serverless_on_the_target_by_hand() {
        // December 2026, 744 h: floor 0.5 x 744 = 372 ACU-h; calls 2,000 x 744/730 = 2,038.36, x 0.55 min (the lean
        // flow's measured call length) / 60 = 18.68 h busy at 1 ACU adds 0.5 x 18.68 = 9.34; 381.34 x 0.13 = 49.57;
        // storage 20 x 744/730 x 0.11 = 2.24; I/O 2,038.36 x 500 = 1.019 M x 0.22 = 0.22; database 52.03
        Option o = option(compare(target, Optional.of(Area.DATABASE)), DatabaseArea.SERVERLESS);
        assertThat(subtotal(o, Category.DATABASE)).isEqualByComparingTo("52.03");
        // nothing else moves
        Option current = option(compare(target, Optional.of(Area.DATABASE)), "rds");
        assertThat(o.cost().total().subtract(subtotal(o, Category.DATABASE)))
                .isEqualByComparingTo(current.cost().total().subtract(subtotal(current, Category.DATABASE)));
    }

    @Test
    void ecs_on_ec2_runs_the_estimates_task_hours_on_the_smallest_instance_that_fits() {
        // 0.25 vCPU / 512 MiB + 512 MiB reserve -> t4g.micro (1 GiB); task-hours 744 + 40 peak = 784:
        // 784 x 0.0092 = 7.21; 30 GB x 784/730 x 0.088 = 2.84; 784 x 0.005 = 3.92 -> 13.97
        Option o = option(compare(target, Optional.of(Area.COMPUTE)), ComputeArea.EC2);
        assertThat(o.name()).contains("t4g.micro");
        assertThat(subtotal(o, Category.COMPUTE)).isEqualByComparingTo("13.97");
        // the baseline's 1 vCPU / 2 GB needs 2.5 GB: t4g.medium
        assertThat(option(compare(baseline, Optional.of(Area.COMPUTE)), ComputeArea.EC2).name()).contains("t4g.medium");
    }

    @Test
    void lambda_needs_a_nat_gateway_and_drops_the_task_networking() {
        Option o = option(compare(target, Optional.of(Area.COMPUTE)), "lambda-snapstart");
        var lines = o.cost().category(Category.NETWORKING).orElseThrow().items();
        assertThat(lines).extracting(l -> l.id()).contains("nat-hours", "http-api-requests")
                .doesNotContain("vpc-link", "cloud-map");
        // 16,306 requests x 0.3 s x 1 GB is far inside the free tier: the compute is free
        assertThat(subtotal(o, Category.COMPUTE)).isZero();
    }

    @Test
    void the_seed_table_on_the_baseline_reproduces_its_four_rows() {
        AlternativesReport r = compare(baseline, Optional.empty());
        assertThat(r.seedTable()).extracting(AlternativesReport.SeedRow::seedCurrent)
                .containsExactly("RDS PostgreSQL", "ElastiCache Redis", "ECS Fargate", "ALB");
        var rds = r.seedTable().getFirst();
        // db.t3.micro 744 x 0.020 = 14.88 + 20 GB gp2 x 744/730 x 0.127 = 2.59 -> 17.47, inside the seed's $15-20
        assertThat(rds.bellaCurrent()).isEqualByComparingTo("17.47");
        assertThat(rds.verdict()).startsWith("does not hold");
        var cache = r.seedTable().get(1);
        assertThat(cache.bellaNew()).isLessThan(cache.bellaCurrent());
        assertThat(cache.verdict()).startsWith("holds");
    }

    @Test
    void only_one_area_and_an_unknown_environment() {
        AlternativesReport r = compare(target, Optional.of(Area.CACHE));
        assertThat(r.areas()).hasSize(1);
        assertThat(r.seedTable()).extracting(AlternativesReport.SeedRow::seedCurrent).containsExactly("ElastiCache Redis");
        assertThatThrownBy(() -> new AlternativesService(loader).compare(target, DECEMBER, Optional.of("qa"),
                Optional.empty(), false)).isInstanceOf(AlternativesException.class)
                .hasMessage("unknown environment 'qa'; the spec has dev, prod");
    }

    @Test
    void a_price_the_table_lacks_is_an_error_not_a_zero() {
        Spec small = loader.load(Path.of("src/test/resources/fixtures/spec-small.yaml"));
        assertThatThrownBy(() -> compare(small, Optional.of(Area.DATABASE))).isInstanceOf(MissingPriceException.class)
                .hasMessageContaining("aurora.postgres.serverless-v2.acu-hour");
    }
}
