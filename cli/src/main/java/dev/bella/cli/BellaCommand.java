package dev.bella.cli;

import picocli.CommandLine.Command;

@Command(name = "bella", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        modelTransformer = OfferedValues.Transformer.class,
        description = "Keeps the Bella V3 voice booking service cheap without making it worse.",
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost report    # estimate of the bundled spec, as a table",
                "  bella cost report --format json --output report.json",
                "  bella spec validate --config configs/bella.yaml",
                "  bella completion bash > /etc/bash_completion.d/bella"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:ok",
                " 1:a policy is violated, or a partial failure",
                " 2:usage or configuration error",
                " 3:AWS or authentication error (no credentials, access denied, unreachable)",
                "70:internal error (a bug: rerun with --verbose and report it)",
                "75:retry later (schedule-dev: a resource is pending)"})
final class BellaCommand {
}
