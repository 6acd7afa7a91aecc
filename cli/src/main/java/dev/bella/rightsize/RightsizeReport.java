package dev.bella.rightsize;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Every recommendation for one environment, with what they were computed from. */
public record RightsizeReport(String environment, String config, String source, Duration lookback,
                              BigDecimal headroomPercent, String currency, List<Recommendation> recommendations,
                              List<String> notes, java.util.Optional<ComputeOptimizerComparison.Comparison> computeOptimizer) {

    public RightsizeReport {
        recommendations = List.copyOf(recommendations);
        notes = List.copyOf(notes);
    }

    public RightsizeReport(String environment, String config, String source, Duration lookback, BigDecimal headroomPercent,
                           String currency, List<Recommendation> recommendations, List<String> notes) {
        this(environment, config, source, lookback, headroomPercent, currency, recommendations, notes, java.util.Optional.empty());
    }

    RightsizeReport withComputeOptimizer(ComputeOptimizerComparison.Comparison c) {
        return new RightsizeReport(environment, config, source, lookback, headroomPercent, currency, recommendations, notes,
                java.util.Optional.of(c));
    }

    public BigDecimal monthlySavings() {
        return recommendations.stream().map(Recommendation::monthlySavings).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Change> changes() {
        return recommendations.stream().flatMap(r -> r.changes().stream()).toList();
    }
}
