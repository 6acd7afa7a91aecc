package dev.bella.rightsize;

/**
 * How likely the recommended size is to fall short of the workload: from the projected peak utilization
 * on the new size (docs/rightsize.md). {@code UNKNOWN} when there is no recommendation.
 */
public enum Risk {
    VERY_LOW("very-low"), LOW("low"), MEDIUM("medium"), HIGH("high"), UNKNOWN("unknown");

    public final String id;

    Risk(String id) {
        this.id = id;
    }

    /** From the highest projected utilization (percent) of any dimension on the recommended size. */
    static Risk ofProjected(double percent) {
        if (percent < 50) {
            return VERY_LOW;
        }
        if (percent < 70) {
            return LOW;
        }
        return percent < 85 ? MEDIUM : HIGH;
    }

    Risk higher() {
        return switch (this) {
            case VERY_LOW -> LOW;
            case LOW -> MEDIUM;
            case MEDIUM, HIGH -> HIGH;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
