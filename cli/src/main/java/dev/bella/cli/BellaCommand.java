package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "bella", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps the Bella V3 voice booking service cheap without making it worse.",
        subcommands = {CostCommand.class, SpecCommand.class, PricesCommand.class, CompletionCommand.class,
                BookingCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost report                      estimate of the bundled spec, as a table",
                "  bella cost report --format json --output report.json",
                "  bella spec validate --config configs/bella.yaml",
                "  bella completion bash > /etc/bash_completion.d/bella",
                "",
                "Exit codes: 0 ok, 1 policy violation or partial failure, 2 usage or config error, 3 AWS/auth error."})
final class BellaCommand {
}
