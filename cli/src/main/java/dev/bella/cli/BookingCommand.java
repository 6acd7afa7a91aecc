package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "booking", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The booking service: run it locally, play scripted calls against it.",
        subcommands = {BookingServeCommand.class, BookingCallCommand.class})
final class BookingCommand {
}
