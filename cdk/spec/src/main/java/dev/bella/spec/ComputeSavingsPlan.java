package dev.bella.spec;

import java.math.BigDecimal;

/**
 * A Compute Savings Plan for the environment's Fargate tasks ({@code commitments.compute}): a commitment in USD per
 * hour, billed every hour of the term, that buys Fargate usage at the plan's rates instead of on-demand ones.
 *
 * @param term    {@code 1y} or {@code 3y}
 * @param payment {@code no-upfront}, {@code partial-upfront} or {@code all-upfront}
 */
public record ComputeSavingsPlan(BigDecimal usdPerHour, String term, String payment) {
}
