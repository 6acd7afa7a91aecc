package dev.bella.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A state held until an instant, whatever the schedule says: the {@code bella:override} tag
 * ({@code running-until:2026-11-28T22:00Z}) or a command's {@code --until}.
 */
public record StateOverride(DesiredState state, Instant until) {

    public static final String TAG = "bella:override";

    public boolean activeAt(Instant t) {
        return t.isBefore(until);
    }

    /** The tag value this override is stored as. */
    public String tagValue() {
        return state.key() + "-until:" + until;
    }

    /**
     * Reads a tag value.
     *
     * @throws IllegalArgumentException with the expected form, for a value that is not one
     */
    public static StateOverride parse(String value) {
        String v = value.trim();
        for (DesiredState s : DesiredState.values()) {
            String prefix = s.key() + "-until:";
            if (v.startsWith(prefix)) {
                return new StateOverride(s, instant(v.substring(prefix.length())));
            }
        }
        throw new IllegalArgumentException("override '" + value
                + "': expected running-until:TIME or stopped-until:TIME, e.g. running-until:2026-11-28T22:00Z");
    }

    /** An ISO instant ({@code 2026-11-28T22:00Z}, seconds optional) or one with an offset ({@code -05:00}). */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time with a zone offset; expected ISO 8601 "
                    + "such as 2026-11-28T22:00Z or 2026-11-28T17:00-05:00");
        }
    }

    static Optional<StateOverride> active(Optional<StateOverride> o, Instant t) {
        return o.filter(x -> x.activeAt(t));
    }
}
