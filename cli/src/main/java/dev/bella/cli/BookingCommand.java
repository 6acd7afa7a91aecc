package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "booking", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Helpers for the booking service (booking-core).", subcommands = {BookingExtractCommand.class})
final class BookingCommand {
}
