package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "prices",
        description = "The price tables (configs/prices/).",        footerHeading = "%nExamples:%n",
        footer = {"  bella prices refresh --region ca-central-1 --output aws-ca-central-1.yaml"})
final class PricesCommand {
}
