package dev.bella.capacity;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Days of the week as the spec writes them: ranges where consecutive ({@code mon-fri}), else a list. */
public final class Days {

    private Days() {
    }

    public static String format(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        int d = 1;
        while (d <= 7) {
            if (!days.contains(DayOfWeek.of(d))) {
                d++;
                continue;
            }
            int end = d;
            while (end < 7 && days.contains(DayOfWeek.of(end + 1))) {
                end++;
            }
            parts.add(end == d ? name(d) : name(d) + "-" + name(end));
            d = end + 1;
        }
        return String.join(",", parts);
    }

    public static String name(int day) {
        return DayOfWeek.of(day).getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
