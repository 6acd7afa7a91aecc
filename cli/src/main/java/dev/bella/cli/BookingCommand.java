package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "booking",
        description = "The booking service: run it locally, play scripted calls against it, extract fields from text.",
        footerHeading = "%nExamples:%n",
        footer = {"  bella booking extract \"Ana Silva, tomorrow at 3\" --local-only",
                "  bella booking serve --port 9000",
                "  bella booking call --to http://localhost:9000 --from +15551234567 \\",
                "      --say \"Ana Silva, tomorrow at 3 pm\" --say dtmf:1"})
final class BookingCommand {
}
