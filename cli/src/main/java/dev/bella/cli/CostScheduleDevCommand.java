package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "schedule-dev",
        description = {"Stop the scheduled (dev) environment outside its spec schedule and start it again.",
                "`run` reconciles to the schedule now (for cron every 5-15 minutes; a missed run is caught up).",
                "Exit 0: converged; 1: a resource failed or was refused; 75: one is pending",
                "or throttled, and the next run retries. See docs/schedule-dev.md."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost schedule-dev plan --env dev --at 2026-12-07T06:55-05:00 \\",
                "      --schedule-only",
                "  bella cost schedule-dev status --env dev",
                "  bella cost schedule-dev run --env dev --dry-run    # what cron would do now"})
final class CostScheduleDevCommand {
}
