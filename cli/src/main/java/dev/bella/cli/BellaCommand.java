package dev.bella.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root. {@code scope = INHERIT} hands its standard help options (--help, --version with the version provider)
 * and the exit-code list ({@link UsageHelp}) to every subcommand, and --verbose is one inherited option: each is
 * declared here once, for every command, instead of on each command and mixin.
 */
@Command(name = "bella", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, modelTransformer = UsageHelp.class,
        description = "Keeps the Bella V3 voice booking service cheap without making it worse.",
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost report    # estimate of the bundled spec, as a table",
                "  bella cost report --format json --output report.json",
                "  bella spec validate --config configs/bella.yaml",
                "  bella completion bash > /etc/bash_completion.d/bella"})
final class BellaCommand {

    /** Read by ErrorHandler from the parse result, wherever on the command line it was given. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and details on errors.")
    boolean verbose;
}
