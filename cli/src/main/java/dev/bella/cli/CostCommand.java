package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "cost", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cost reports and cost controls.",
        subcommands = {CostReportCommand.class, CostAlarmsCommand.class, CostRightsizeCommand.class,
                CostScheduleDevCommand.class, CostDiffCommand.class, CostAlternativesCommand.class,
                CostCommitmentsCommand.class, CostCapacityCommand.class})
final class CostCommand {
}
