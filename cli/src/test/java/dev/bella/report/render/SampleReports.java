package dev.bella.report.render;

import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.CostReport.DailySpend;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports built by hand for the HTML tests: daily figures (which the estimate lacks) and hostile text. */
public final class SampleReports {

    public static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    private SampleReports() {
    }

    static LineItem item(String id, String description, String amount) {
        return new LineItem(id, description, BigDecimal.ONE, "month", new BigDecimal(amount), new BigDecimal(amount),
                Optional.empty());
    }

    /** A billed month: 10 days, day 4 over the $8 daily limit, the last two days still estimated, a credit. */
    public static CostReport billed() {
        List<DailySpend> days = new ArrayList<>();
        String[] amounts = {"4.10", "4.25", "3.90", "9.40", "4.00", "4.05", "3.80", "4.20", "4.60", "4.45"};
        for (int i = 0; i < amounts.length; i++) {
            days.add(new DailySpend(LocalDate.of(2026, 10, 1 + i), new BigDecimal(amounts[i]), i >= amounts.length - 2));
        }
        var prod = new EnvironmentCost("prod " + HOSTILE, new BigDecimal("240"), 1000, List.of(
                CategoryCost.of(Category.COMPUTE, List.of(item("ecs", "Amazon ECS " + HOSTILE, "20.00"))),
                CategoryCost.of(Category.DATABASE, List.of(item("rds", "Amazon RDS", "15.50"))),
                CategoryCost.of(Category.OTHER, List.of(item("credit", "Credit", "-5.00"))),
                CategoryCost.of(Category.THIRD_PARTY_APIS, List.of(item("twilio", "Twilio calls-inbound", "12.00")))));
        return new CostReport("aws", "USD", new CostReport.Period("2026-10-01 to 2026-10-11", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 11), new BigDecimal("240")), "configs/" + HOSTILE + ".yaml", List.of(prod),
                Optional.of(new CostReport.CostPerCall(new BigDecimal("0.0425"), 1000, Optional.of(new BigDecimal("0.05")))),
                Optional.of(new CostReport.BudgetStatus(new BigDecimal("30.50"), Optional.of(new BigDecimal("150")),
                        new BigDecimal("4.45"), Optional.of(new BigDecimal("8")))),
                List.of(), Optional.empty(), List.of("note " + HOSTILE), days);
    }
}
