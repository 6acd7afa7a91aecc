package dev.bella.cli;

import dev.bella.report.render.ReportFormat;
import java.util.Map;
import java.util.List;
import dev.bella.schedule.DesiredState;
import dev.bella.schedule.ScheduleDevService.Intent;
import dev.bella.schedule.ScheduledEnvironment;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "run",
        description = {"Reconcile every resource of the scheduled environment to what the schedule says now.",
                "Meant for cron every 5-15 minutes: a missed run is caught up by the next one."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost schedule-dev run --env dev", "  bella cost schedule-dev run --dry-run --format json"})
class ScheduleDevRunCommand implements Callable<Integer>, OfferedValues {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON);
    }


    @Mixin CommonOptions common;
    @Mixin OutputOptions output;
    @Mixin ScheduleDevOptions schedule;

    @Option(names = "--dry-run", description = "Report what would change; change nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandSpec self;

    Clock clock = Clock.systemUTC();

    Optional<Intent> intent() {
        return Optional.empty();
    }

    @Override
    public Integer call() {
        ScheduledEnvironment env = schedule.environment(common);
        var until = intent().map(i -> schedule.hold(i == Intent.STOP ? DesiredState.STOPPED : DesiredState.RUNNING, clock))
                .orElseGet(schedule::globalOverride);
        return schedule.reconcile(common, output, self, env, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                until, dryRun, intent(), clock);
    }

    @Command(name = "stop",
            description = {"Stop the scheduled environment now, whatever the schedule says.",
                    "With --until TIME the resources stay stopped until then (later runs respect it);",
                    "without it the next `run` goes back to the schedule."},
            footerHeading = "%nExamples:%n",
            footer = {"  bella cost schedule-dev stop --until +8h"})
    static final class Stop extends ScheduleDevRunCommand {
        @java.lang.Override
        Optional<Intent> intent() {
            return Optional.of(Intent.STOP);
        }
    }

    @Command(name = "start",
            description = {"Start the scheduled environment now, restoring the saved desired counts.",
                    "With --until TIME it stays running until then, e.g. for an evening demo."},
            footerHeading = "%nExamples:%n",
            footer = {"  bella cost schedule-dev start --until +3h"})
    static final class Start extends ScheduleDevRunCommand {
        @java.lang.Override
        Optional<Intent> intent() {
            return Optional.of(Intent.START);
        }
    }
}
