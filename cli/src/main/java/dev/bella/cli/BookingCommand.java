package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "booking", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The booking service: run it locally, play scripted calls against it, extract fields from text.")
final class BookingCommand {
}
