package dev.bella.spend;

import java.util.Optional;

/**
 * What to fetch: the period, daily or monthly figures, which cost, how to split the account, and
 * whether to keep going past malformed rows.
 *
 * @param environment only this value of the {@code Environment} cost-allocation tag
 */
public record SpendQuery(SpendPeriod period, boolean daily, Metric metric, Split split, Optional<String> environment,
                         boolean lenient, boolean forecast) {

    /** The report's "environments": one line set for the account, or one per tag value or linked account. */
    public enum Split {
        NONE, ENVIRONMENT, ACCOUNT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Spend with no tag value (or no split) lands here. */
    public static final String ALL = "all";
    public static final String UNTAGGED = "untagged";
}
