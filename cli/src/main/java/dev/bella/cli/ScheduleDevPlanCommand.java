package dev.bella.cli;

import java.util.Map;
import java.util.List;
import dev.bella.report.render.ReportFormat;
import dev.bella.schedule.StateOverride;
import dev.bella.schedule.SchedulePlan;
import dev.bella.schedule.ScheduledEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "plan",
        description = {"What `run` would do at an instant.",
                "With --schedule-only: the schedule's answer from the spec alone (desired state, reason, next",
                "transition), with no AWS calls."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost schedule-dev plan --at 2026-12-25T15:00Z --schedule-only \\",
                "      --format json",
                "  bella cost schedule-dev plan --env dev --at 2026-11-30T06:55-05:00"})
final class ScheduleDevPlanCommand implements Callable<Integer>, OfferedValues {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON);
    }


    @Mixin CommonOptions common;
    @Mixin OutputOptions output;
    @Mixin ScheduleDevOptions schedule;

    @CommandLine.Spec
    CommandSpec self;

    @Option(names = "--at", paramLabel = "ISO_TIME", description = "The instant, e.g. 2026-11-28T22:00Z (default: now).")
    String at;

    @Option(names = "--schedule-only", description = "Answer from the spec alone; no AWS calls.")
    boolean scheduleOnly;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        ScheduledEnvironment env = schedule.environment(common);
        Instant instant = at == null ? clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                : ScheduleDevOptions.instant("--at", at);
        Optional<StateOverride> until = schedule.globalOverride();
        if (!scheduleOnly) {
            return schedule.reconcile(common, output, self, env, instant, until, true, Optional.empty(), clock);
        }
        SchedulePlan plan = SchedulePlan.of(env, instant, until);
        output.write(ScheduleDevOptions.format(output) == ReportFormat.JSON ? plan.json() : plan.table(),
                self.commandLine().getOut());
        return ExitCode.OK.code;
    }
}
