package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "prices", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The price tables (configs/prices/).")
final class PricesCommand {
}
