package dev.bella.booking.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opening hours per weekday, one window a day, local to the business's zone. Written as
 * {@code mon-fri 09:00-17:00, sat 10:00-14:00}: short enough for an environment variable.
 */
public record BusinessHours(Map<DayOfWeek, Window> days) {

    public record Window(LocalTime open, LocalTime close) {
    }

    public BusinessHours {
        days = Map.copyOf(days);
    }

    public Optional<Window> on(DayOfWeek day) {
        return Optional.ofNullable(days.get(day));
    }

    /** Parses the compact form; throws IllegalArgumentException with what was expected. */
    public static BusinessHours parse(String text) {
        Map<DayOfWeek, Window> days = new EnumMap<>(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException("expected 'mon-fri 09:00-17:00[, sat 10:00-14:00]', got '" + part.trim() + "'");
            }
            List<DayOfWeek> range = dayRange(words[0]);
            String[] times = words[1].split("-");
            if (times.length != 2) {
                throw new IllegalArgumentException("expected a time range like 09:00-17:00, got '" + words[1] + "'");
            }
            Window window;
            try {
                window = new Window(LocalTime.parse(times[0]), LocalTime.parse(times[1]));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected times as HH:MM, got '" + words[1] + "'");
            }
            if (!window.close().isAfter(window.open())) {
                throw new IllegalArgumentException("closing time must be after opening time in '" + words[1] + "'");
            }
            for (DayOfWeek day : range) {
                days.put(day, window);
            }
        }
        return new BusinessHours(days);
    }

    private static List<DayOfWeek> dayRange(String text) {
        String[] ends = text.toLowerCase(Locale.ROOT).split("-");
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
        if (ends.length > 2 || last.compareTo(first) < 0) {
            throw new IllegalArgumentException("expected a day or a range like mon-fri, got '" + text + "'");
        }
        return java.util.Arrays.stream(DayOfWeek.values())
                .filter(d -> d.compareTo(first) >= 0 && d.compareTo(last) <= 0).toList();
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(abbreviation) && abbreviation.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("expected a day like mon, tue, ..., sun, got '" + abbreviation + "'");
    }

    /** Speakable form for the caller, e.g. "Monday to Friday, 9 AM to 5 PM". */
    public String spoken() {
        StringBuilder out = new StringBuilder();
        DayOfWeek runStart = null;
        Window runWindow = null;
        DayOfWeek previous = null;
        for (DayOfWeek d : DayOfWeek.values()) {
            Window w = days.get(d);
            if (w != null && w.equals(runWindow) && previous != null && previous.plus(1) == d) {
                previous = d;
                continue;
            }
            if (runWindow != null) {
                appendRun(out, runStart, previous, runWindow);
            }
            runStart = w == null ? null : d;
            runWindow = w;
            previous = w == null ? null : d;
        }
        if (runWindow != null) {
            appendRun(out, runStart, previous, runWindow);
        }
        return out.toString();
    }

    private static void appendRun(StringBuilder out, DayOfWeek from, DayOfWeek to, Window w) {
        if (!out.isEmpty()) {
            out.append(", and ");
        }
        out.append(name(from));
        if (to != from) {
            out.append(" to ").append(name(to));
        }
        out.append(", ").append(SpokenTime.of(w.open())).append(" to ").append(SpokenTime.of(w.close()));
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    }
}
