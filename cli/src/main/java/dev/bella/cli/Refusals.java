package dev.bella.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Finds the {@link Refusal} of the argument group whose rule a parse error reports. */
final class Refusals {

    private Refusals() {
    }

    /** The refusal of the group whose rule {@code ex} reports, if that group has one. */
    static Optional<String> of(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        List<ArgGroupSpec> groups = new ArrayList<>();
        cmd.getCommandSpec().argGroups().forEach(g -> collect(g, groups));
        ParseResult parsed = cmd.getParseResult();
        for (ArgGroupSpec g : groups) {
            Refusal refusal = g.typeInfo().getType().getAnnotation(Refusal.class);
            if (refusal == null) {
                continue;
            }
            boolean broken = switch (ex) {
                // several of the group's members given, from different branches of it
                case MutuallyExclusiveArgsException e -> g.exclusive() && parsed != null && branchesMatched(g, parsed) > 1;
                // a required member of the group missing, the group itself being required or begun
                case MissingParameterException m -> m.getMissing().stream().anyMatch(a -> g.equals(a.group()));
                // a group that holds a positional and is already matched has no room left for another word: picocli
                // calls the word unmatched, though the user gave both of what excludes each other
                case UnmatchedArgumentException u -> g.exclusive() && parsed != null && anyMatched(g, parsed)
                        && g.args().stream().anyMatch(a -> !a.isOption())
                        && u.getUnmatched().stream().noneMatch(w -> w.startsWith("-"));
                default -> false;
            };
            if (broken) {
                return Optional.of(refusal.value());
            }
        }
        return Optional.empty();
    }

    private static void collect(ArgGroupSpec g, List<ArgGroupSpec> into) {
        into.add(g);
        g.subgroups().forEach(s -> collect(s, into));
    }

    private static long branchesMatched(ArgGroupSpec g, ParseResult parsed) {
        long own = g.args().stream().filter(a -> matched(a, parsed)).count();
        return own + g.subgroups().stream().filter(s -> anyMatched(s, parsed)).count();
    }

    private static boolean anyMatched(ArgGroupSpec g, ParseResult parsed) {
        return g.args().stream().anyMatch(a -> matched(a, parsed)) || g.subgroups().stream().anyMatch(s -> anyMatched(s, parsed));
    }

    private static boolean matched(ArgSpec a, ParseResult parsed) {
        return parsed.matchedArgs().contains(a);
    }
}
