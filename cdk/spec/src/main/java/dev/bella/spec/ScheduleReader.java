package dev.bella.spec;

import dev.bella.spec.Schedule.Window;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code schedules.<name>}: an IANA zone, running windows over day ranges, and holidays. */
final class ScheduleReader {

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private static final Map<String, Schedule.CachePolicy> CACHE = Map.of(
            Schedule.CachePolicy.KEEP.key, Schedule.CachePolicy.KEEP,
            Schedule.CachePolicy.SNAPSHOT_DELETE.key, Schedule.CachePolicy.SNAPSHOT_DELETE);

    private final SpecSource source;

    ScheduleReader(SpecSource source) {
        this.source = source;
    }

    Schedule read(String name, YamlNode node) {
        MapReader s = node.asMap("schedules." + name);
        ZoneId zone = zone(s);
        List<Window> windows = new ArrayList<>();
        List<YamlNode> windowNodes = new ArrayList<>();
        s.list("running", n -> Optional.of(n)).forEach(n -> window(n, s.what() + ".running").ifPresent(w -> {
            windows.add(w);
            windowNodes.add(n);
        }));
        if (!s.has("running")) {
            s.missing("running", "a list of windows like {days: mon-fri, from: \"07:00\", to: \"19:00\"}");
        }
        // labelled like the other window problems (schedules.<name>.running), since "window 1" counts in that list
        checkOverlaps(windows, windowNodes, s.what() + ".running");
        Set<LocalDate> holidays = new HashSet<>();
        s.list("holidays", n -> n.scalar(s.what() + ".holidays item").flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                n.problems().add(n.position(), s.what() + ".holidays: expected a date YYYY-MM-DD, found '" + text + "'");
                return Optional.empty();
            }
        })).forEach(holidays::add);
        Optional<String> holidaysFile = s.string("holidays-file");
        holidaysFile.ifPresent(file -> holidays.addAll(holidaysFrom(file, s)));
        Schedule.CachePolicy cache = s.choice("cache", CACHE, Schedule.CachePolicy.KEEP);
        s.finish();
        return new Schedule(name, zone, windows, holidays, holidaysFile, cache);
    }

    /** The all-day dates of an iCalendar file next to the spec; its problems are reported at the key. */
    private Set<LocalDate> holidaysFrom(String file, MapReader s) {
        var at = s.node("holidays-file").orElseThrow().position();
        Optional<SpecSource.Loaded> loaded = source.resolve(file);
        if (loaded.isEmpty()) {
            s.problems().add(at, s.what() + ".holidays-file: cannot find '" + file + "' next to " + source.label()
                    + "; give an iCalendar (.ics) file path relative to the spec");
            return Set.of();
        }
        try {
            return IcsHolidays.parse(loaded.get().text());
        } catch (IllegalArgumentException e) {
            s.problems().add(at, s.what() + ".holidays-file: " + file + ": " + e.getMessage());
            return Set.of();
        }
    }

    private static ZoneId zone(MapReader s) {
        return zone(s, true).orElse(ZoneId.of("UTC"));
    }

    /** The IANA zone at {@code timezone}; when absent, a problem only if {@code required}. */
    static Optional<ZoneId> zone(MapReader s, boolean required) {
        Optional<String> text = s.string("timezone");
        if (text.isEmpty()) {
            if (required) {
                s.missing("timezone", "an IANA time zone such as America/Toronto");
            }
            return Optional.empty();
        }
        try {
            if (!text.get().contains("/") && !"UTC".equals(text.get())) {
                throw new DateTimeException("not a region id");
            }
            return Optional.of(ZoneId.of(text.get()));
        } catch (DateTimeException e) {
            s.problems().add(s.node("timezone").orElseThrow().position(), s.what() + ".timezone: unknown time zone '"
                    + text.get() + "'; expected an IANA name such as America/Toronto or Europe/Paris");
            return Optional.empty();
        }
    }

    private static Optional<Window> window(YamlNode node, String what) {
        MapReader w = node.asMap(what + " item");
        Optional<Set<DayOfWeek>> days = w.string("days").flatMap(text -> days(text, w));
        if (!w.has("days")) {
            w.missing("days", "a day range such as mon-fri, or a list like mon,wed,fri");
        }
        Optional<LocalTime> from = time(w, "from");
        Optional<LocalTime> to = time(w, "to");
        w.finish();
        if (days.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        boolean wholeDay = from.get().equals(LocalTime.MIDNIGHT) && "24:00".equals(w.string("to").orElse(""));
        if (from.get().equals(to.get()) && !wholeDay) {
            w.problems().add(w.position(), what + ": the window from " + from.get() + " to " + to.get()
                    + " is empty; use different times (a window that ends before it starts crosses midnight)");
            return Optional.empty();
        }
        return Optional.of(new Window(days.get(), from.get(), to.get()));
    }

    static Optional<Set<DayOfWeek>> days(String text, MapReader w) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
            String[] range = part.trim().split("-");
            DayOfWeek a = DAYS.get(range[0].trim());
            DayOfWeek b = range.length == 2 ? DAYS.get(range[1].trim()) : a;
            if (a == null || b == null || range.length > 2) {
                w.problems().add(w.node("days").orElseThrow().position(), w.what() + ".days: expected day names "
                        + "mon..sun as a range (mon-fri) or a list (mon,wed,fri), found '" + text + "'");
                return Optional.empty();
            }
            for (DayOfWeek d = a; ; d = d.plus(1)) {
                out.add(d);
                if (d == b) {
                    break;
                }
            }
        }
        return Optional.of(out);
    }

    static Optional<LocalTime> time(MapReader w, String key) {
        Optional<String> text = w.string(key);
        if (text.isEmpty()) {
            if (!w.has(key)) {
                w.missing(key, "a local time HH:MM, quoted");
            }
            return Optional.empty();
        }
        if ("24:00".equals(text.get()) && "to".equals(key)) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        try {
            return Optional.of(LocalTime.parse(text.get()));
        } catch (DateTimeParseException e) {
            w.problems().add(w.node(key).orElseThrow().position(), w.what() + "." + key
                    + ": expected a local time HH:MM such as \"07:00\" (quote it), found '" + text.get() + "'");
            return Optional.empty();
        }
    }

    /** Two windows overlap when, on some day, their minute ranges intersect (midnight-crossing included). */
    private static void checkOverlaps(List<Window> windows, List<YamlNode> nodes, String what) {
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                if (overlap(windows.get(i), windows.get(j))) {
                    nodes.get(j).problems().add(nodes.get(j).position(), what + ": this window overlaps window "
                            + (i + 1) + " on a shared day; merge them into one window");
                }
            }
        }
    }

    private static boolean overlap(Window a, Window b) {
        boolean[] weekA = minutesOfWeek(a);
        boolean[] weekB = minutesOfWeek(b);
        for (int m = 0; m < weekA.length; m++) {
            if (weekA[m] && weekB[m]) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] minutesOfWeek(Window w) {
        boolean[] week = new boolean[7 * 24 * 60];
        int from = w.from().toSecondOfDay() / 60;
        int to = w.to().toSecondOfDay() / 60;
        int length = w.crossesMidnight() ? 24 * 60 - from + to : to - from;
        for (DayOfWeek d : w.days()) {
            int start = (d.getValue() - 1) * 24 * 60 + from;
            for (int m = 0; m < length; m++) {
                week[(start + m) % week.length] = true;
            }
        }
        return week;
    }
}
