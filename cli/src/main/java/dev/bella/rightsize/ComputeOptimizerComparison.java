package dev.bella.rightsize;

import java.math.BigDecimal;
import java.util.Optional;
import software.amazon.awssdk.services.computeoptimizer.ComputeOptimizerClient;
import software.amazon.awssdk.services.computeoptimizer.model.ECSServiceRecommendation;
import software.amazon.awssdk.services.computeoptimizer.model.ECSServiceRecommendationOption;
import software.amazon.awssdk.services.computeoptimizer.model.OptInRequiredException;

/** AWS Compute Optimizer's ECS-on-Fargate recommendation for the same service, to show beside Bella's. */
final class ComputeOptimizerComparison {

    private ComputeOptimizerComparison() {
    }

    static Comparison fetch(ComputeOptimizerClient client, String serviceArn) {
        try {
            var response = client.getECSServiceRecommendations(b -> b.serviceArns(serviceArn));
            Optional<ECSServiceRecommendation> rec = response.ecsServiceRecommendations().stream()
                    .filter(r -> serviceArn.equals(r.serviceArn())).findFirst();
            if (rec.isEmpty()) {
                String why = response.errors().isEmpty() ? "none for this service yet (it needs 24 h of metrics)"
                        : response.errors().getFirst().message();
                return new Comparison(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why));
            }
            ECSServiceRecommendation r = rec.get();
            Optional<ECSServiceRecommendationOption> best = r.serviceRecommendationOptions().stream().findFirst();
            return new Comparison(Optional.of(r.findingAsString()),
                    best.map(o -> o.cpu() + " CPU / " + o.memory() + " MiB"),
                    best.map(ECSServiceRecommendationOption::savingsOpportunity)
                            .map(s -> s.estimatedMonthlySavings()).filter(s -> s.value() != null)
                            .map(s -> new BigDecimal(s.value().toString())),
                    best.map(ECSServiceRecommendationOption::savingsOpportunity)
                            .map(s -> s.estimatedMonthlySavings()).map(s -> s.currencyAsString()),
                    Optional.empty());
        } catch (OptInRequiredException e) {
            return new Comparison(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("the account is not opted in to Compute Optimizer (aws compute-optimizer update-enrollment-status)"));
        }
    }

    /** What Compute Optimizer says, or why it says nothing. */
    public record Comparison(Optional<String> finding, Optional<String> recommended, Optional<BigDecimal> monthlySavings,
                             Optional<String> currency, Optional<String> unavailable) {
    }
}
