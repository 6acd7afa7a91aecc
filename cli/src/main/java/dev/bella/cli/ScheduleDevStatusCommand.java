package dev.bella.cli;

import java.util.Map;
import java.util.List;
import dev.bella.estimate.EstimateEngine;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.estimate.ScheduleSaving;
import dev.bella.report.render.ReportFormat;
import dev.bella.schedule.AwsPorts;
import dev.bella.schedule.ScheduledEnvironment;
import dev.bella.schedule.StatusReport;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

@Command(name = "status",
        description = {"Each resource of the scheduled environment, and what the schedule saves.",
                "Desired and actual state, since when, the next transition, and the schedule's estimated monthly saving",
                "(from the estimate engine), net of what the scheduler's own runs cost (gross and scheduler cost",
                "beside it)."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost schedule-dev status --env dev --format json"})
final class ScheduleDevStatusCommand implements Callable<Integer>, OfferedValues {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON);
    }


    @Mixin CommonOptions common;
    @Mixin OutputOptions output;
    @Mixin ScheduleDevOptions schedule;

    @CommandLine.Spec
    CommandSpec self;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        ScheduledEnvironment env = schedule.environment(common);
        ReportFormat format = ScheduleDevOptions.format(output);
        StatusReport report;
        try (AwsPorts ports = ScheduleDevOptions.ports(common, env)) {
            report = schedule.service(ports, env, clock).status(schedule.globalOverride(), schedule.resources);
        }
        Optional<ScheduleSaving> saving = new EstimateEngine().scheduleSaving(env.spec(), EstimatePeriod.averageMonth(clock),
                env.environment().name());
        output.write(format == ReportFormat.JSON ? report.json(saving) : report.table(saving), self.commandLine().getOut());
        // a resource whose state could not be read is a partial failure, as in run
        return report.lines().stream().anyMatch(l -> l.reason().equals("error")) ? ExitCode.POLICY_VIOLATION.code
                : ExitCode.OK.code;
    }
}
