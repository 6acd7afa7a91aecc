package dev.bella.alternatives;

/** What an alternative puts at stake, against one of the seed's constraints. */
public record Risk(Constraint constraint, Level level, String text) {

    /** The seed's success metrics an alternative must not break. */
    public enum Constraint {
        VOICE_RESPONSE("voice-response", "3 s voice response"),
        AVAILABILITY("availability", "99.9% availability"),
        CALL_QUALITY("call-quality", "call quality");

        private final String id;
        private final String label;

        Constraint(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    public enum Level {
        LOW, MEDIUM, HIGH;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Risk low(Constraint c, String text) {
        return new Risk(c, Level.LOW, text);
    }

    static Risk medium(Constraint c, String text) {
        return new Risk(c, Level.MEDIUM, text);
    }

    static Risk high(Constraint c, String text) {
        return new Risk(c, Level.HIGH, text);
    }
}
