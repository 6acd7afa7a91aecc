package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "cost",
        description = "Cost reports and cost controls.",
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost report --env dev    # the offline estimate of one environment",
                "  bella cost diff --base configs/examples/baseline.yaml",
                "  bella cost alternatives --only database",
                "  bella cost schedule-dev plan --at 2026-12-07T09:00-05:00 --schedule-only"})
final class CostCommand {
}
