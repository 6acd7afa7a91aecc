package dev.bella.booking.voice;

import dev.bella.booking.config.BusinessHours;
import dev.bella.booking.store.BookingStore.Range;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Business hours and free-slot search: which times can be booked and which are nearest to a wish. */
final class Slots {

    /** How far either side of the wished time alternatives are searched. */
    static final Duration SEARCH = Duration.ofDays(7);

    enum Problem { PAST, CLOSED }

    private final BusinessHours hours;
    private final ZoneId zone;
    private final Duration length;

    Slots(BusinessHours hours, ZoneId zone, Duration length) {
        this.hours = hours;
        this.zone = zone;
        this.length = length;
    }

    Duration length() {
        return length;
    }

    BusinessHours hours() {
        return hours;
    }

    Optional<Problem> problem(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            return Optional.of(Problem.PAST);
        }
        ZonedDateTime local = start.atZone(zone);
        ZonedDateTime end = local.plus(length);
        boolean inside = hours.on(local.getDayOfWeek())
                .filter(w -> !local.toLocalTime().isBefore(w.open())
                        && end.toLocalDate().equals(local.toLocalDate()) && !end.toLocalTime().isAfter(w.close()))
                .isPresent();
        return inside ? Optional.empty() : Optional.of(Problem.CLOSED);
    }

    static boolean free(Instant start, Instant end, List<Range> booked) {
        return booked.stream().noneMatch(r -> r.startsAt().isBefore(end) && r.endsAt().isAfter(start));
    }

    /**
     * The {@code count} bookable slots nearest to {@code wished} (earlier wins a tie), on the slot grid
     * of each day's opening hours, in the future, not overlapping {@code booked}.
     */
    List<Instant> nearestFree(Instant wished, Instant now, List<Range> booked, int count) {
        List<Instant> candidates = new ArrayList<>();
        LocalDate from = wished.minus(SEARCH).atZone(zone).toLocalDate();
        LocalDate to = wished.plus(SEARCH).atZone(zone).toLocalDate();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            hours.on(day.getDayOfWeek()).ifPresent(w -> {
                for (ZonedDateTime s = d.atTime(w.open()).atZone(zone);
                     !s.plus(length).toLocalTime().isAfter(w.close()) && s.toLocalDate().equals(d)
                             && s.plus(length).toLocalDate().equals(d);
                     s = s.plus(length)) {
                    Instant start = s.toInstant();
                    if (start.isAfter(now) && free(start, start.plus(length), booked)) {
                        candidates.add(start);
                    }
                }
            });
        }
        return candidates.stream()
                .sorted(Comparator.comparing((Instant i) -> Duration.between(wished, i).abs()).thenComparing(i -> i))
                .limit(count)
                .sorted()
                .toList();
    }
}
