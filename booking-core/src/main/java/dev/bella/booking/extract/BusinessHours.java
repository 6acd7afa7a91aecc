package dev.bella.booking.extract;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Opening hours, used only to resolve an hour said without am/pm ("at 3"): the reading that falls inside the
 * hours wins, with a lower confidence than an explicit "3 pm".
 */
public record BusinessHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
    public static final BusinessHours DEFAULT = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public BusinessHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) throw new IllegalArgumentException("business hours must open before they close");
        days = Set.copyOf(days);
    }

    /** True when an appointment may start at this time of day. */
    public boolean contains(LocalTime t) {
        return !t.isBefore(opens) && t.isBefore(closes);
    }
}
