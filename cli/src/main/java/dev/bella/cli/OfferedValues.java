package dev.bella.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes help and completion offer exactly the values a command accepts. A shared option (the --format of
 * {@link OutputOptions}) lists every format, yet some commands write only some; such a command implements this
 * interface and names its own values, which replace the option's completion candidates (and so its help text,
 * which shows them through {@code ${COMPLETION-CANDIDATES}}). Enum-typed options offer their values in lower case,
 * as the docs write them, rather than picocli's default of the constant names.
 */
interface OfferedValues {

    /** Option name to the values this command accepts for it, in the order to offer them. */
    Map<String, List<String>> offered();

    /**
     * A command whose --format refuses a value outside {@link #offered()} as the option is parsed, in one line naming
     * what the command writes ({@link OutputOptions.Only}); any other command refuses it itself once it runs.
     */
    interface Refusing extends OfferedValues {
    }

    /** Applies both rules to every command of the tree (through {@link UsageHelp}, the root's model transformer). */
    final class Transformer implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            apply(spec);
            return spec;
        }
    }

    private static void apply(CommandSpec spec) {
        Map<String, List<String>> own = spec.userObject() instanceof OfferedValues v ? v.offered() : Map.of();
        boolean refuses = spec.userObject() instanceof Refusing;
        for (OptionSpec option : List.copyOf(spec.options())) {
            List<String> values = own.get(option.longestName());
            if (values == null && option.type().isEnum() && option.completionCandidates() != null) {
                values = new ArrayList<>();
                for (String c : option.completionCandidates()) {
                    values.add(c.toLowerCase(Locale.ROOT));
                }
            }
            // an option inside an argument group cannot be swapped on its own; none of those offers values
            if (values != null && option.group() == null) {
                OptionSpec.Builder offered = option.toBuilder().completionCandidates(List.copyOf(values));
                if (refuses && option.longestName().equals("--format") && own.containsKey("--format")) {
                    offered.converters(new OutputOptions.Only(List.copyOf(values)));
                }
                spec.remove(option);
                spec.addOption(offered.build());
            }
        }
        spec.subcommands().values().forEach(c -> apply(c.getCommandSpec()));
    }
}
