package dev.bella.cli;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command's usage help shows beyond its annotations: the exit codes from {@link ExitCode} (picocli's
 * exit-code list), and the values each option accepts ({@link OfferedValues}). The root's model transformer, so it
 * runs wherever the tree is built from the annotations: the CLI, and the man page generator (docs/man).
 */
final class UsageHelp implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        exitCodes(spec);
        return new OfferedValues.Transformer().transform(spec);
    }

    private static void exitCodes(CommandSpec spec) {
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.usageHelp());
        spec.subcommands().values().forEach(c -> exitCodes(c.getCommandSpec()));
    }
}
