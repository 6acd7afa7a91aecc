package dev.bella.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Call histories with known answers: {@code load(date, hour)} calls at once in each local hour, each starting
 * at minute 10 and lasting 20 minutes, so the hour's peak is exactly that number and no call spans two hours.
 */
public final class SyntheticHistory {

    public static final String SPEC = """
            project: bella
            region: ca-central-1
            timezone: America/Toronto
            environments:
              prod:
                service: {cpu: 512, memory: 1024, desired: 1, autoscaling: {min: 1, max: 5, target-cpu: 70}}
            schedules:
              office: {timezone: America/Toronto, running: [{days: mon-fri, from: "07:00", to: "19:00"}], holidays: [2026-12-25]}
            """;

    /** The acceptance pattern: weekdays 09:00-11:00 up to 9 calls at once, the rest of the time at most 2. */
    public static int morningsBusy(LocalDate date, int hour) {
        boolean weekday = date.getDayOfWeek().getValue() <= 5;
        if (weekday && (hour == 9 || hour == 10)) {
            return date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 2 == 0 ? 9 : 7; // every other week
        }
        return hour >= 7 && hour < 19 ? 2 : hour % 2;
    }

    public record Line(Instant start, int seconds) {
    }

    private SyntheticHistory() {
    }

    public static List<Line> calls(ZoneId zone, LocalDate first, int days, BiFunction<LocalDate, Integer, Integer> load) {
        List<Line> lines = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(first.plusDays(days)); d = d.plusDays(1)) {
            for (int h = 0; h < 24; h++) {
                LocalDateTime local = d.atTime(h, 10);
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    continue;
                }
                for (int i = 0; i < load.apply(d, h); i++) {
                    lines.add(new Line(local.atZone(zone).toInstant(), 1200));
                }
            }
        }
        return lines;
    }

    public static String csv(List<Line> lines) {
        StringBuilder out = new StringBuilder("call_sid,started_at,duration_seconds\n");
        for (int i = 0; i < lines.size(); i++) {
            out.append("CA").append(i).append(',').append(lines.get(i).start()).append(',')
                    .append(lines.get(i).seconds()).append('\n');
        }
        return out.toString();
    }

    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
