package dev.bella.spec;

/** Reserved-instance coverage for the database and the cache of one environment. */
public record Commitments(Commitment database, Commitment cache) {

    public static final Commitments NONE = new Commitments(Commitment.NONE, Commitment.NONE);

    /**
     * @param coveragePercent share of the instance-hours covered by a reservation (0-100)
     */
    public record Commitment(int coveragePercent, Term term, Payment payment) {
        public static final Commitment NONE = new Commitment(0, Term.ONE_YEAR, Payment.NO_UPFRONT);
    }

    public enum Term {
        ONE_YEAR("1y");

        private final String id;

        Term(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public enum Payment {
        NO_UPFRONT("no-upfront"), ALL_UPFRONT("all-upfront");

        private final String id;

        Payment(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
