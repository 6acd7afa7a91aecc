package dev.bella.spec;

import java.util.Optional;

/**
 * Reserved-instance coverage for the database and the cache of one environment, and the Compute Savings Plan for
 * its Fargate tasks when it has one.
 */
public record Commitments(Commitment database, Commitment cache, Optional<ComputeSavingsPlan> compute) {

    public static final Commitments NONE = new Commitments(Commitment.NONE, Commitment.NONE);

    public Commitments(Commitment database, Commitment cache) {
        this(database, cache, Optional.empty());
    }

    /**
     * @param coveragePercent share of the instance-hours covered by a reservation (0-100)
     */
    public record Commitment(int coveragePercent, Term term, Payment payment) {
        public static final Commitment NONE = new Commitment(0, Term.ONE_YEAR, Payment.NO_UPFRONT);
    }

    public enum Term {
        ONE_YEAR("1y"), THREE_YEARS("3y");

        private final String id;

        Term(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** {@code 1-year}, {@code 3-year}: for line items and messages. */
        public String words() {
            return id.substring(0, 1) + "-year";
        }
    }

    public enum Payment {
        NO_UPFRONT("no-upfront"), PARTIAL_UPFRONT("partial-upfront"), ALL_UPFRONT("all-upfront");

        private final String id;

        Payment(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
