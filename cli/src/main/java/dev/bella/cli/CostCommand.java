package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "cost", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cost reports and cost controls.")
final class CostCommand {
}
