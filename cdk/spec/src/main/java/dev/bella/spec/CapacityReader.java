package dev.bella.spec;

import dev.bella.spec.Autoscaling.Block;
import dev.bella.spec.Autoscaling.CallsPerTask;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.YamlNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code service.autoscaling.scheduled} (the scheduled minimum, {@code bella cost capacity}) and
 * {@code service.autoscaling.calls-per-task}. Blocks stay inside one local day so that each one is two
 * scheduled actions at fixed local times; overlapping blocks are refused, since which minimum applies would
 * depend on the order the actions fire.
 */
final class CapacityReader {

    private CapacityReader() {
    }

    static Autoscaling.Capacity read(MapReader a, int max, Optional<ZoneId> zone) {
        List<Block> blocks = new ArrayList<>();
        List<YamlNode> nodes = new ArrayList<>();
        a.list("scheduled", n -> Optional.of(n)).forEach(n -> block(n, a.what() + ".scheduled", max).ifPresent(b -> {
            blocks.add(b);
            nodes.add(n);
        }));
        for (int i = 0; i < blocks.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (overlap(blocks.get(i), blocks.get(j))) {
                    nodes.get(i).problems().add(nodes.get(i).position(), a.what() + ".scheduled: this block overlaps block "
                            + (j + 1) + " on a shared day; each hour may have one scheduled minimum");
                }
            }
        }
        if (!blocks.isEmpty() && zone.isEmpty()) {
            a.problems().add(a.positionOf("scheduled"), a.what() + ".scheduled: no time zone for these local times; "
                    + "add a top-level timezone (e.g. timezone: America/Toronto) or give the environment a schedule");
        }
        Optional<CallsPerTask> callsPerTask = a.node("calls-per-task").flatMap(n -> {
            MapReader c = n.asMap(a.what() + ".calls-per-task");
            Optional<Integer> value = c.integer("value", 1, 10_000);
            if (!c.has("value")) {
                c.missing("value", "the concurrent calls one task carries, e.g. value: 4");
            }
            Optional<String> source = c.string("source");
            if (!c.has("source")) {
                c.missing("source", "where the figure comes from, e.g. source: \"bench/booking-load.sh 2026-12-06\"");
            }
            c.finish();
            return value.flatMap(v -> source.map(s -> new CallsPerTask(v, s)));
        });
        // the zone belongs to the blocks: without any, the capacity of an environment is the same whatever the zone
        return new Autoscaling.Capacity(blocks, blocks.isEmpty() ? Optional.empty() : zone, callsPerTask);
    }

    private static Optional<Block> block(YamlNode node, String what, int max) {
        MapReader b = node.asMap(what + " item");
        Optional<Set<DayOfWeek>> days = b.string("days").flatMap(text -> ScheduleReader.days(text, b));
        if (!b.has("days")) {
            b.missing("days", "a day range such as mon-fri, or a list like mon,wed,fri");
        }
        Optional<LocalTime> from = ScheduleReader.time(b, "from");
        Optional<LocalTime> to = ScheduleReader.time(b, "to");
        Optional<Integer> min = b.integer("min", 0, 1000);
        if (!b.has("min")) {
            b.missing("min", "the minimum task count in this block, e.g. min: 3");
        }
        min.filter(m -> m > max).ifPresent(m -> b.problems().add(b.node("min").orElseThrow().position(), b.what()
                + ".min: " + m + " is above autoscaling max (" + max + "); raise max or lower the block's min"));
        b.finish();
        if (days.isEmpty() || from.isEmpty() || to.isEmpty() || min.isEmpty()) {
            return Optional.empty();
        }
        if (!to.get().equals(LocalTime.MIDNIGHT) && !to.get().isAfter(from.get())) {
            b.problems().add(b.node("to").orElseThrow().position(), b.what() + ".to: must be after from ("
                    + from.get() + ") on the same day; split a block that crosses midnight, or end it at \"24:00\"");
            return Optional.empty();
        }
        return Optional.of(new Block(days.get(), from.get(), to.get(), min.get()));
    }

    private static boolean overlap(Block x, Block y) {
        return x.days().stream().anyMatch(y.days()::contains) && before(x.from(), y) && before(y.from(), x);
    }

    /** True when {@code at} is before {@code b}'s end. */
    private static boolean before(LocalTime at, Block b) {
        return b.untilMidnight() || at.isBefore(b.to());
    }
}
