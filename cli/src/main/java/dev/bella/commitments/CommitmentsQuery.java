package dev.bella.commitments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What to look at: the lookback, the offer to advise on, the coverage target (percent) and today (UTC, from the
 * command's clock), which fixes the lookback's window and the 60 days in which a commitment counts as expiring.
 */
public record CommitmentsQuery(Lookback lookback, Term term, Payment payment, BigDecimal target, LocalDate today,
                               String environment) {

    /** Commitments that end within this many days are listed as expiring. */
    public static final int EXPIRING_DAYS = 60;

    /** The lookback window, end exclusive: Cost Explorer's coverage data ends before today. */
    public LocalDate start() {
        return today.minusDays(lookback.days());
    }
}
