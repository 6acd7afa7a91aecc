package dev.bella.capacity;

import dev.bella.rightsize.Change;
import dev.bella.rightsize.RightsizeService;
import dev.bella.rightsize.SpecEditor;
import dev.bella.spec.Autoscaling;
import dev.bella.spec.Environment;
import dev.bella.spec.Schedule;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Predicts the load profile of an environment from its call history and proposes its scheduled minimum. */
public final class CapacityService {

    /** Less than two weeks gives a single sample per hour of the week: one unusual day would be the answer. */
    static final int MIN_DAYS = 14;

    /**
     * @param zone         --tz, overriding the spec's timezone
     * @param lookbackDays how far back the history is read, in whole local days
     * @param percentile   of the weekly peaks (1-100)
     * @param callsPerTask --calls-per-task, overriding the spec's
     */
    public record Options(Optional<ZoneId> zone, int lookbackDays, int percentile, Optional<Integer> callsPerTask) {
    }

    private final Clock clock;

    public CapacityService(Clock clock) {
        this.clock = clock;
    }

    /** The history of a file ends on the local day of its newest call. */
    public CapacityReport fromFile(Spec spec, Environment env, Path file, Options options) {
        ZoneId zone = zone(spec, env, options);
        Autoscaling.CallsPerTask perTask = callsPerTask(env, options);
        List<Call> calls = CallHistoryFile.read(file);
        if (calls.isEmpty()) {
            throw new CapacityException(CapacityException.Reason.INPUT, "--calls: " + file
                    + " holds no calls; a prediction needs at least " + MIN_DAYS + " days of them");
        }
        LocalDate end = calls.stream().map(Call::start).max(Comparator.naturalOrder()).orElseThrow()
                .atZone(zone).toLocalDate().plusDays(1);
        return build(spec, env, calls, "calls file " + file, zone, end, perTask, options);
    }

    /** The ledger's history ends at the start of today (local): today is not over. */
    public CapacityReport fromLedger(Spec spec, Environment env, String jdbcUrl, Optional<String> user,
                                     Optional<String> password, Options options) {
        ZoneId zone = zone(spec, env, options);
        Autoscaling.CallsPerTask perTask = callsPerTask(env, options);
        LedgerCalls ledger = new LedgerCalls(jdbcUrl, user, password);
        LocalDate end = LocalDate.now(clock.withZone(zone));
        LocalDate start = end.minusDays(options.lookbackDays());
        List<Call> calls = ledger.read(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
        if (calls.isEmpty()) {
            throw new CapacityException(CapacityException.Reason.INPUT, "the ledger holds no calls from " + start
                    + " to " + end + " (" + zone + "); a prediction needs at least " + MIN_DAYS + " days of them");
        }
        return build(spec, env, calls, "ledger " + redacted(jdbcUrl), zone, end, perTask, options);
    }

    private CapacityReport build(Spec spec, Environment env, List<Call> calls, String source, ZoneId zone, LocalDate end,
                                 Autoscaling.CallsPerTask perTask, Options options) {
        LocalDate oldest = calls.stream().map(Call::start).min(Comparator.naturalOrder()).orElseThrow()
                .atZone(zone).toLocalDate();
        LocalDate lookbackStart = end.minusDays(options.lookbackDays());
        LocalDate start = oldest.isAfter(lookbackStart) ? oldest : lookbackStart;
        int days = (int) ChronoUnit.DAYS.between(start, end);
        if (days < MIN_DAYS) {
            throw new CapacityException(CapacityException.Reason.INPUT, "too little history: " + Math.max(days, 0)
                    + " day(s) of calls (" + start + " to " + end.minusDays(1) + ", " + zone + "); a prediction needs "
                    + "at least " + MIN_DAYS + " days, so that every hour of the week is seen at least twice");
        }
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        Set<LocalDate> holidays = holidays(spec, env);
        List<LocalDate> excluded = holidays.stream().filter(d -> !d.isBefore(start) && d.isBefore(end)).sorted().toList();
        List<List<Integer>> samples = HourOfWeekLoad.samples(calls, zone, from, to, holidays);
        CapacityPlanner.Plan plan = CapacityPlanner.plan(samples, options.percentile(), perTask.value());
        Autoscaling scaling = env.service().autoscaling();
        List<String> notes = new ArrayList<>();
        if (plan.unsampledHours() > 0) {
            notes.add(plan.unsampledHours() + " hour(s) of the week have no sample (holidays or a skipped DST hour "
                    + "only): they get the base minimum");
        }
        int highest = plan.hours().stream().mapToInt(CapacityReport.Hour::tasks).max().orElse(plan.base());
        if (highest > scaling.max()) {
            notes.add("the busiest hour needs " + highest + " tasks, above autoscaling max (" + scaling.max()
                    + "): --apply raises max to " + highest);
        }
        long count = calls.stream().filter(c -> !c.start().isBefore(from) && c.start().isBefore(to)).count();
        return new CapacityReport(env.name(), zone, source, from, to, days, count, options.percentile(), perTask.value(),
                perTask.source(), excluded, plan.hours(), plan.base(), plan.blocks(), scaling.max(),
                scaling.capacity().scheduled(), scaling.min(), notes);
    }

    /** The spec change: scheduled blocks, and min, max and desired where the profile needs other values. */
    public RightsizeService.SpecEdit edit(Spec spec, CapacityReport report) {
        RightsizeService.EditableSpec editable = RightsizeService.editable(spec);
        SpecSource.File file = editable.file();
        String text = editable.text();
        Environment env = spec.environment(report.environment()).orElseThrow();
        List<Change> changes = new ArrayList<>();
        if (report.base() != report.currentMin()) {
            changes.add(change(env, "min", report.currentMin(), report.base()));
        }
        if (report.highest() > report.max()) {
            changes.add(change(env, "max", report.max(), report.highest()));
        }
        if (env.service().desired() < report.base()) {
            changes.add(new Change(env.name(), List.of("service", "desired"), String.valueOf(env.service().desired()),
                    String.valueOf(report.base())));
        }
        SpecEditor.Edited scalars = SpecEditor.apply(text, file.label(), changes);
        SpecEditor.Edited blocks = ScheduledEdit.apply(scalars.after(), file.label(), env.name(), yaml(report.blocks()));
        List<String> notes = new ArrayList<>(scalars.notes());
        notes.addAll(blocks.notes());
        String after = blocks.after();
        int applied = scalars.applied() + blocks.applied();
        int needed = report.blocks().stream().mapToInt(Autoscaling.Block::min).max().orElse(0);
        for (String child : ScheduledEdit.children(after, file.label(), env.name())) {
            if (spec.environment(child).map(c -> c.service().autoscaling().max() < needed).orElse(false)) {
                SpecEditor.Edited cleared = ScheduledEdit.clearIn(after, file.label(), child);
                after = cleared.after();
                applied += cleared.applied();
                notes.addAll(cleared.notes());
            }
        }
        return RightsizeService.checked(file, new SpecEditor.Edited(text, after, applied, notes));
    }

    /** The blocks as the spec writes them: one flow list, so the edit stays on one line. */
    public static String yaml(Collection<Autoscaling.Block> blocks) {
        return blocks.stream().map(b -> "{days: " + Days.format(b.days()) + ", from: \"" + b.from() + "\", to: \""
                        + (b.untilMidnight() ? "24:00" : b.to().toString()) + "\", min: " + b.min() + "}")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static Change change(Environment env, String key, int from, int to) {
        return new Change(env.name(), List.of("service", "autoscaling", key), String.valueOf(from), String.valueOf(to));
    }

    private static ZoneId zone(Spec spec, Environment env, Options options) {
        return options.zone().or(spec::timezone).or(() -> spec.scheduleOf(env).map(Schedule::zone))
                .orElseThrow(() -> new CapacityException(CapacityException.Reason.INPUT, "no time zone for the call "
                        + "pattern: add a top-level timezone to the spec (e.g. timezone: America/Toronto) or pass --tz"));
    }

    private static Autoscaling.CallsPerTask callsPerTask(Environment env, Options options) {
        return options.callsPerTask().map(n -> new Autoscaling.CallsPerTask(n, "--calls-per-task"))
                .or(() -> env.service().autoscaling().capacity().callsPerTask())
                .orElseThrow(() -> new CapacityException(CapacityException.Reason.INPUT, "no calls per task for "
                        + env.name() + ": add service.autoscaling.calls-per-task: {value: N, source: \"...\"} to the spec "
                        + "(docs/capacity.md says how to measure it) or pass --calls-per-task N"));
    }

    /** The environment's schedule's holidays, else every schedule's: holidays are the business's, not dev's. */
    private static Set<LocalDate> holidays(Spec spec, Environment env) {
        return spec.scheduleOf(env).map(Schedule::holidays).<Set<LocalDate>>map(TreeSet::new)
                .orElseGet(() -> spec.schedules().values().stream().flatMap(s -> s.holidays().stream())
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** A JDBC URL without its password parameter, for the report. */
    private static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
