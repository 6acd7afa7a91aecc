package dev.bella.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Spending limits (USD) and the seed's targets.
 *
 * @param alarmAt fractions of the monthly limit at which {@code bella cost alarms} raises a billing alarm,
 *                ascending and distinct; {@link #DEFAULT_ALARM_AT} when the spec does not say
 * @param commitmentCoverageTarget {@code targets.commitment-coverage}: the share (percent) of reservable hours a
 *                reservation should cover; empty when the spec does not say (see {@link #commitmentCoverage()})
 */
public record Budget(Optional<BigDecimal> monthlyLimit, Optional<BigDecimal> dailyLimit, List<String> recipients,
                     Optional<BigDecimal> costPerCallTarget, Optional<BigDecimal> reductionPercentTarget,
                     List<BigDecimal> alarmAt, Optional<BigDecimal> commitmentCoverageTarget) {

    /** The seed's success metric: reserved-instance coverage of 80% or more. */
    public static final BigDecimal DEFAULT_COMMITMENT_COVERAGE = BigDecimal.valueOf(80);

    public Budget(Optional<BigDecimal> monthlyLimit, Optional<BigDecimal> dailyLimit, List<String> recipients,
                  Optional<BigDecimal> costPerCallTarget, Optional<BigDecimal> reductionPercentTarget,
                  List<BigDecimal> alarmAt) {
        this(monthlyLimit, dailyLimit, recipients, costPerCallTarget, reductionPercentTarget, alarmAt, Optional.empty());
    }

    /** The coverage target in percent: the spec's, else the seed's 80. */
    public BigDecimal commitmentCoverage() {
        return commitmentCoverageTarget.orElse(DEFAULT_COMMITMENT_COVERAGE);
    }

    /** Half-way, most of the way, and at the limit: early enough to act within the month. */
    public static final List<BigDecimal> DEFAULT_ALARM_AT = List.of(new BigDecimal("0.5"), new BigDecimal("0.8"),
            new BigDecimal("1.0"));

    /**
     * Service limits checked when the spec is read, so that `bella cost alarms apply` is never refused half-way:
     * AWS Budgets allows 10 notifications per budget (one per fraction plus the forecast one) and 10 e-mail
     * subscribers per notification; a CloudWatch alarm takes 5 actions (Bella's topic plus the listed ones).
     */
    public static final int MAX_ALARM_AT = 9;
    public static final int MAX_EMAILS = 10;
    public static final int MAX_TOPICS = 4;

    public Budget {
        recipients = List.copyOf(recipients);
        alarmAt = List.copyOf(alarmAt);
    }

    public Budget(Optional<BigDecimal> monthlyLimit, Optional<BigDecimal> dailyLimit, List<String> recipients,
                  Optional<BigDecimal> costPerCallTarget, Optional<BigDecimal> reductionPercentTarget) {
        this(monthlyLimit, dailyLimit, recipients, costPerCallTarget, reductionPercentTarget, DEFAULT_ALARM_AT);
    }

    public static final Budget NONE = new Budget(Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty());
}
