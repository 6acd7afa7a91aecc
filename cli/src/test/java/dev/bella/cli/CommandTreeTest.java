package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** A run builds only the branch its words name, and that branch is the one the whole tree has. */
class CommandTreeTest {

    private static List<List<String>> leafPaths(CommandLine c, List<String> path, List<List<String>> found) {
        if (c.getSubcommands().isEmpty()) {
            found.add(path);
        }
        c.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            leafPaths(sub, next, found);
        });
        return found;
    }

    private static int count(CommandLine c) {
        return 1 + c.getSubcommands().values().stream().mapToInt(CommandTreeTest::count).sum();
    }

    private static CommandLine at(CommandLine root, List<String> path) {
        CommandLine c = root;
        for (String name : path) {
            c = c.getSubcommands().get(name);
        }
        return c;
    }

    /** What a command is to a user: its help, and each option with what it offers, its default and its scope. */
    private static String model(CommandLine c) {
        StringBuilder sb = new StringBuilder(c.getUsageMessage(CommandLine.Help.Ansi.OFF));
        CommandSpec spec = c.getCommandSpec();
        sb.append(spec.qualifiedName()).append(' ').append(List.of(spec.aliases())).append('\n');
        for (OptionSpec o : spec.options()) {
            sb.append(List.of(o.names())).append(" candidates=").append(o.completionCandidates())
                    .append(" default=").append(o.defaultValue()).append(" inherited=").append(o.inherited())
                    .append(" scope=").append(o.scopeType()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void every_leaf_built_alone_is_the_leaf_of_the_whole_tree() {
        CommandLine whole = Main.commandLine();
        List<List<String>> leaves = leafPaths(whole, List.of(), new ArrayList<>());
        assertThat(leaves).hasSizeGreaterThan(20).contains(List.of("cost", "report"));
        for (List<String> path : leaves) {
            if (path.equals(List.of("completion"))) {
                continue; // built with the whole tree, checked below
            }
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CommandLine lazy = Main.commandLine(args.toArray(String[]::new));
            assertThat(lazy.getSubcommands()).as("%s builds one branch", path).hasSize(1);
            assertThat(model(at(lazy, path))).as("%s", path).isEqualTo(model(at(whole, path)));
            for (int depth = 1; depth < path.size(); depth++) {
                // a group on the way holds only the next command, so its own model is compared without the list
                assertThat(at(lazy, path.subList(0, depth)).getSubcommands()).hasSize(1);
            }
        }
    }

    @Test
    void subcommands_are_listed_in_the_command_tree_only() {
        // one declared in @Command(subcommands = ...) as well would be built on every run again (or twice)
        for (Class<?> c : CommandTree.commands()) {
            assertThat(c.getAnnotation(Command.class).subcommands())
                    .as("%s: list its subcommands in CommandTree, not in @Command(subcommands)", c.getSimpleName())
                    .isEmpty();
        }
        assertThat(CommandTree.commands()).hasSize(count(Main.commandLine()));
    }

    @Test
    void words_that_name_no_leaf_build_the_whole_tree() {
        int groups = Main.commandLine().getSubcommands().size();
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"cost"},
                new String[] {"cost", "--help"}, new String[] {"nope"}, new String[] {"cost", "reprot"},
                new String[] {"cos", "report"}, new String[] {"--verbose", "cost", "report"},
                new String[] {"completion", "bash"}, new String[] {"cost", "alarms"},
                new String[] {"cost", "schedule-dev", "--help"})) {
            assertThat(Main.commandLine(args).getSubcommands()).as(List.of(args).toString()).hasSize(groups);
        }
    }

    @Test
    void unknown_subcommand_is_reported_as_with_the_whole_tree() {
        CliRun run = CliRun.of("cost", "reprot");
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter()))
                .execute("cost", "reprot");
        assertThat(run.exitCode()).isEqualTo(code).isEqualTo(2);
        assertThat(run.err()).isEqualTo(err.toString()).contains("report");
    }

    @Test
    void version_alone_prints_what_picocli_prints_for_it() {
        StringWriter viaPicocli = new StringWriter();
        int expected = Main.commandLine().setOut(new PrintWriter(viaPicocli, true)).execute("--version");
        for (String flag : List.of("--version", "-V")) {
            PrintStream stdout = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                code = Main.run(flag);
            } finally {
                System.setOut(stdout);
            }
            assertThat(code).isEqualTo(expected).isZero();
            assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(viaPicocli.toString())
                    .startsWith("bella ").contains("Java ");
        }
    }
}
