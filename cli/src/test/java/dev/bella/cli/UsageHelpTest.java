package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.errors.BellaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What every command's help shows, walked over the whole command tree so a new command cannot miss it. */
class UsageHelpTest {

    private static final CommandLine ROOT = Main.commandLine();

    static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(ROOT, all);
        return all;
    }

    private static void collect(CommandLine c, List<CommandSpec> all) {
        all.add(c.getCommandSpec());
        c.getSubcommands().values().forEach(s -> collect(s, all));
    }

    @Test
    void help_version_and_verbose_are_declared_on_the_root_alone_and_inherited_by_every_command() {
        List<CommandSpec> commands = commands();
        assertThat(commands).hasSizeGreaterThan(30);
        for (CommandSpec c : commands.subList(1, commands.size())) {
            // --help and --version come from the root's mixinStandardHelpOptions, which picocli copies as an
            // inherited command attribute; no command asks for them itself
            Command own = c.userObject().getClass().getAnnotation(Command.class);
            assertThat(own.mixinStandardHelpOptions()).as(c.qualifiedName() + " declares the help options again").isFalse();
            assertThat(own.versionProvider()).as(c.qualifiedName()).isNotEqualTo(VersionProvider.class);
            for (String name : List.of("--help", "--version", "--verbose")) {
                assertThat(c.findOption(name)).as(c.qualifiedName() + " " + name).isNotNull();
            }
            assertThat(c.findOption("--verbose").inherited()).as(c.qualifiedName() + " --verbose from the root").isTrue();
        }
        assertThat(ROOT.getCommandSpec().findOption("--verbose").inherited()).isFalse();
    }

    @Test
    void a_groups_command_list_shows_each_subcommand_as_one_whole_sentence() {
        // the list under "Commands:" shows the first line of each subcommand's description: a line that goes on in
        // the next one read there as a sentence cut off ("the estimate at --base (a git ref or a spec")
        for (CommandSpec c : commands().subList(1, commands().size())) {
            String[] description = c.usageMessage().description();
            assertThat(description).as(c.qualifiedName() + " has a description").isNotEmpty();
            String first = description[0].replace("%%", "%");
            assertThat(first).as(c.qualifiedName() + ": its first description line is what its group lists")
                    .matches("[A-Z`].*[.)]");
            assertThat(first.length()).as(c.qualifiedName() + ": " + first).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void version_works_on_a_subcommand_as_on_the_root() {
        CliRun root = CliRun.of("--version");
        CliRun sub = CliRun.of("cost", "report", "--version");
        assertThat(root.exitCode()).isZero();
        assertThat(root.out()).startsWith("bella ");
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out()).isEqualTo(root.out());
    }

    @Test
    void verbose_is_taken_before_or_after_the_subcommand() {
        CliRun before = CliRun.of("--verbose", "cost", "report", "--month", "nope");
        CliRun after = CliRun.of("cost", "report", "--month", "nope", "--verbose");
        CliRun plain = CliRun.of("cost", "report", "--month", "nope");
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).isEqualTo("bella: --month: expected YYYY-MM such as 2026-12, found 'nope'\n");
        for (CliRun run : List.of(before, after)) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith(plain.err()).contains("\tat dev.bella.cli.CostReportCommand");
        }
    }

    @Test
    void every_command_lists_the_exit_codes_the_code_uses() {
        for (CommandSpec c : commands()) {
            assertThat(c.usageMessage().exitCodeList()).as(c.qualifiedName()).isEqualTo(ExitCode.usageHelp());
        }
        String help = ROOT.getSubcommands().get("cost").getSubcommands().get("report").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(help).contains("Exit codes:", " 0   ok", " 2   usage or configuration error",
                "70   internal error", "75   retry later");
        assertThat(ExitCode.usageHelp().keySet()).containsExactly(" 0", " 1", " 2", " 3", "70", "75");
    }

    @Test
    void every_failure_outcome_has_its_exit_code() {
        for (var outcome : BellaException.Outcome.values()) {
            assertThat(ExitCode.of(outcome).code).isEqualTo(outcome.code());
        }
    }

    @Test
    void every_command_has_its_own_examples_each_fitting_the_help_width() {
        String[] rootFooter = ROOT.getCommandSpec().usageMessage().footer();
        for (CommandSpec c : commands()) {
            String[] footer = c.usageMessage().footer();
            assertThat(footer).as(c.qualifiedName() + " has examples").isNotEmpty();
            if (c != ROOT.getCommandSpec()) {
                // a command without a footer or a description would inherit the root's (scope = INHERIT)
                assertThat(Arrays.equals(footer, rootFooter)).as(c.qualifiedName() + " shows the root's examples").isFalse();
                assertThat(Arrays.equals(c.usageMessage().description(), ROOT.getCommandSpec().usageMessage().description()))
                        .as(c.qualifiedName() + " shows the root's description").isFalse();
            }
            assertThat(footer).as(c.qualifiedName() + ": an example of itself")
                    .anyMatch(l -> l.strip().startsWith(c.qualifiedName() + " ") || l.strip().equals(c.qualifiedName()));
            for (String line : footer) {
                String shown = line.replace("%%", "%");
                // picocli wraps a longer line at the width, mid-word, and the example no longer runs when copied
                assertThat(shown.length()).as(c.qualifiedName() + ": " + shown).isLessThan(c.usageMessage().width());
            }
        }
    }
}
