package dev.bella.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Spending limits (USD) and the seed's targets. */
public record Budget(Optional<BigDecimal> monthlyLimit, Optional<BigDecimal> dailyLimit, List<String> recipients,
                     Optional<BigDecimal> costPerCallTarget, Optional<BigDecimal> reductionPercentTarget) {

    public Budget {
        recipients = List.copyOf(recipients);
    }

    public static final Budget NONE = new Budget(Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty());
}
