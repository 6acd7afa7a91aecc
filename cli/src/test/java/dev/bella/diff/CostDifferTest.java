package dev.bella.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostDifferTest {

    private static LineItem line(String id, String amount) {
        return LineItem.priced(id, id, BigDecimal.ONE, "units", new BigDecimal(amount), "k");
    }

    private static CostReport report(List<LineItem> compute) {
        EnvironmentCost env = new EnvironmentCost("prod", BigDecimal.valueOf(730), 0,
                List.of(CategoryCost.of(Category.COMPUTE, compute)));
        return new CostReport("estimate", "USD", new CostReport.Period("m", LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 1), BigDecimal.valueOf(744)), "x", List.of(env), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    @Test
    void a_repeated_id_is_matched_by_occurrence_and_unchanged_lines_are_left_out() {
        CostReport base = report(List.of(line("instance", "10"), line("instance", "20"), line("ip", "3")));
        CostReport now = report(List.of(line("instance", "10"), line("instance", "25"), line("nat", "1")));
        CostDiff d = CostDiffer.diff("b", base, "n", now);
        var lines = d.environments().getFirst().categories().getFirst().lines();
        assertThat(lines).extracting(CostDiff.LineDelta::id, l -> l.status().id(), l -> l.change().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("instance", "changed", "5.00"),
                        org.assertj.core.groups.Tuple.tuple("nat", "added", "1.00"),
                        org.assertj.core.groups.Tuple.tuple("ip", "removed", "-3.00"));
        assertThat(d.change()).isEqualByComparingTo("3.00");
        assertThat(d.changePercent()).contains(new BigDecimal("9.1"));
    }
}
