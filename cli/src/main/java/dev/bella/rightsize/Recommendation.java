package dev.bella.rightsize;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The answer for one resource. Money is per month (730 hours, AWS's average month) at the price table's
 * on-demand prices; {@code recommended} is empty when there is nothing to recommend (insufficient data).
 * {@code recommendedSpec} is the recommended size as spec values ({@code service.cpu} to {@code 512}, ...).
 */
public record Recommendation(Kind kind, String environment, String resource, String current,
                             Optional<String> recommended, Finding finding, Risk risk, List<Figure> used,
                             List<Figure> projected, BigDecimal currentMonthly, Optional<BigDecimal> recommendedMonthly,
                             List<Change> changes, List<String> notes, java.util.Map<String, String> recommendedSpec) {

    public Recommendation {
        recommendedSpec = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recommendedSpec));
        used = List.copyOf(used);
        projected = List.copyOf(projected);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** Current minus recommended monthly cost; negative when the recommendation costs more (under-provisioned). */
    public BigDecimal monthlySavings() {
        return recommendedMonthly.map(currentMonthly::subtract).orElse(BigDecimal.ZERO);
    }
}
