package dev.bella.capacity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The peak number of concurrent calls in every local hour of a window, gathered by hour of the week (168
 * buckets, Monday 00:00 first): each occurrence of an hour is one sample. Local hours are turned into instants
 * day by day, so daylight saving is exact: the hour a spring-forward skips has no sample that week, and the hour a
 * fall-back repeats is one sample covering both (two real hours). Holidays give no samples.
 */
final class HourOfWeekLoad {

    static final int HOURS = 168;

    private HourOfWeekLoad() {
    }

    static int index(DayOfWeek day, int hour) {
        return (day.getValue() - 1) * 24 + hour;
    }

    /** An event of the sweep: a call starting (+1) or ending (-1). */
    private record Event(Instant at, int delta) {
    }

    /** One local hour as instants {@code [start, end)}. */
    private record Slot(int bucket, Instant start, Instant end) {
    }

    /** Per bucket, the peak concurrency of each occurrence of that hour in {@code [from, to)}. */
    static List<List<Integer>> samples(List<Call> calls, ZoneId zone, Instant from, Instant to, Set<LocalDate> holidays) {
        List<Event> events = new ArrayList<>(calls.size() * 2);
        for (Call c : calls) {
            events.add(new Event(c.start(), 1));
            events.add(new Event(c.end(), -1));
        }
        // a call ending at the instant another starts is not concurrent with it: ends first
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::delta));
        List<List<Integer>> buckets = new ArrayList<>(HOURS);
        for (int i = 0; i < HOURS; i++) {
            buckets.add(new ArrayList<>());
        }
        int next = 0;
        int running = 0;
        for (Slot slot : slots(zone, from, to, holidays)) {
            while (next < events.size() && !events.get(next).at().isAfter(slot.start())) {
                running += events.get(next++).delta();
            }
            int peak = running;
            while (next < events.size() && events.get(next).at().isBefore(slot.end())) {
                running += events.get(next++).delta();
                peak = Math.max(peak, running);
            }
            if (slot.bucket() >= 0) {
                buckets.get(slot.bucket()).add(peak);
            }
        }
        return buckets;
    }

    /** The local hours of the window in order, contiguous in time; a holiday's hours have bucket -1. */
    private static List<Slot> slots(ZoneId zone, Instant from, Instant to, Set<LocalDate> holidays) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.atStartOfDay(zone).toInstant().isAfter(to); d = d.plusDays(1)) {
            for (int h = 0; h < 24; h++) {
                LocalDateTime local = d.atTime(h, 0);
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    continue; // skipped by a spring-forward: this hour did not happen
                }
                // atZone takes the earlier offset in an overlap, so a repeated hour spans both of its real hours
                Instant start = local.atZone(zone).toInstant();
                Instant end = local.plusHours(1).atZone(zone).toInstant();
                if (start.isBefore(from) || end.isAfter(to)) {
                    continue;
                }
                slots.add(new Slot(holidays.contains(d) ? -1 : index(d.getDayOfWeek(), h), start, end));
            }
        }
        return slots;
    }
}
