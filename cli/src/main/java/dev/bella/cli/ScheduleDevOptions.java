package dev.bella.cli;

import dev.bella.aws.AwsClients;
import dev.bella.report.render.ReportFormat;
import dev.bella.schedule.AwsPorts;
import dev.bella.schedule.StateOverride;
import dev.bella.schedule.RunReport;
import dev.bella.schedule.ScheduleDevService;
import dev.bella.schedule.ScheduledEnvironment;
import dev.bella.spec.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options and plumbing the schedule-dev subcommands share; the logic is in dev.bella.schedule. */
final class ScheduleDevOptions {

    @Option(names = "--until", paramLabel = "TIME",
            description = "stop/start: hold the state until TIME, an instant (2026-11-28T22:00Z) or a time from now "
                    + "(+8h, +90m, +1h30m; stored on each resource as bella:override). "
                    + "run/plan/status: a global override, e.g. running-until:2026-11-28T22:00Z.")
    String until;

    @Option(names = "--resource", paramLabel = "ARN",
            description = "Only this resource (repeatable); it must still be tagged Environment=<env>.")
    List<String> resources = new ArrayList<>();

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
            description = "Resources handled at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    ScheduledEnvironment environment(CommonOptions common) {
        Spec spec = SpecResolver.fromEnvironment().load(common);
        return ScheduledEnvironment.resolve(spec, common.environment());
    }

    /** run, plan, status: {@code --until running-until:TIME} or {@code stopped-until:TIME}. */
    Optional<StateOverride> globalOverride() {
        if (until == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StateOverride.parse(until));
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, "--until: " + e.getMessage());
        }
    }

    /** stop, start: {@code --until TIME} holds that command's state. */
    Optional<StateOverride> hold(dev.bella.schedule.DesiredState state, Clock clock) {
        if (until == null) {
            return Optional.empty();
        }
        Instant t = until.startsWith("+") ? clock.instant().plus(fromNow(until)) : instant("--until", until);
        if (!t.isAfter(clock.instant())) {
            throw new UserException(ExitCode.USAGE, "--until " + until + " is in the past; give a later time");
        }
        return Optional.of(new StateOverride(state, t));
    }

    /**
     * "+8h", "+90m", "+1h30m": a relative time, so a copied example (and a cron line) never names a time already
     * past.
     */
    static Duration fromNow(String text) {
        try {
            return Duration.parse("PT" + text.substring(1).toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new UserException(ExitCode.USAGE, "--until " + text + ": expected +DURATION such as +8h, +90m or "
                    + "+1h30m, or an instant such as 2026-11-28T22:00Z");
        }
    }

    static Instant instant(String option, String text) {
        try {
            return StateOverride.instant(text);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, option + ": " + e.getMessage());
        }
    }

    static ReportFormat format(OutputOptions output) {
        if (output.format != ReportFormat.TABLE && output.format != ReportFormat.JSON) {
            throw new UserException(ExitCode.USAGE, "--format: schedule-dev writes table or json, not "
                    + output.format.name().toLowerCase(java.util.Locale.ROOT));
        }
        return output.format;
    }

    ScheduleDevService service(AwsPorts ports, ScheduledEnvironment env, Clock clock) {
        return new ScheduleDevService(ports, env, clock, parallelism);
    }

    static AwsPorts ports(CommonOptions common, ScheduledEnvironment env) {
        return AwsPorts.create(new AwsClients(common.aws(env.spec().region())));
    }

    /** Runs the reconciler, writes its report and turns its status into the exit code. */
    int reconcile(CommonOptions common, OutputOptions output, CommandSpec self, ScheduledEnvironment env, Instant at,
                  Optional<StateOverride> until, boolean dryRun, Optional<ScheduleDevService.Intent> forced, Clock clock) {
        ReportFormat format = format(output);
        RunReport report;
        try (AwsPorts ports = ports(common, env)) {
            report = service(ports, env, clock).reconcile(forced.orElse(ScheduleDevService.Intent.SCHEDULE), at, until,
                    dryRun, resources);
        }
        output.write(format == ReportFormat.JSON ? report.json() : report.table(), self.commandLine().getOut());
        return switch (report.status()) {
            case CONVERGED -> ExitCode.OK.code;
            case FAILED -> ExitCode.POLICY_VIOLATION.code;
            case RETRY -> ExitCode.RETRY_LATER.code;
        };
    }
}
