package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "schedule-dev", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Stop the scheduled (dev) environment outside its spec schedule and start it again.",
                "`run` reconciles to the schedule now (for cron every 5-15 minutes; a missed run is caught up).",
                "Exit codes: 0 converged, 1 some resource failed or was refused, 2 config error, 3 temporary "
                        + "(throttled or pending: retry). See docs/schedule-dev.md."})
final class CostScheduleDevCommand {
}
