package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options that exclude each other are picocli argument groups, not checks by hand: refused at parse time, before
 * anything is read, with the group's one line and exit 2 whatever else the command line says.
 */
class ArgumentGroupsTest {

    private static final String CONFIG = "../configs/bella.yaml";

    private static void refused(CliRun run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: " + line + "\n");
    }

    @Test
    void month_and_a_day_range_exclude_each_other_for_every_source() {
        String line = "--month and --from/--to exclude each other";
        refused(CliRun.of("cost", "report", "--config", CONFIG, "--source", "aws", "--month", "2026-10", "--from", "2026-10-01"),
                line);
        refused(CliRun.of("cost", "report", "--config", CONFIG, "--source", "focus:x.csv", "--to", "2026-10-05",
                "--month", "2026-10", "--from", "2026-10-01"), line);
        // before, an estimate never reached the check and blamed --from instead
        refused(CliRun.of("cost", "report", "--config", CONFIG, "--source", "estimate", "--month", "2026-10", "--from",
                "2026-10-01"), line);
    }

    @Test
    void to_needs_from() {
        refused(CliRun.of("cost", "report", "--config", CONFIG, "--source", "aws", "--to", "2026-10-05"), "--to needs --from");
    }

    @Test
    void compare_and_template_exclude_each_other() {
        refused(CliRun.of("cost", "report", "--config", CONFIG, "--template", "cdk.out/prod", "--compare",
                "../configs/examples/baseline.yaml"), "--compare and --template do not go together: the comparison is "
                + "between specs; price the other template in a second report");
    }

    @Test
    void template_and_spec_only_exclude_each_other() {
        // before, --template won and --spec-only was silently ignored
        for (String command : List.of("check", "status")) {
            refused(CliRun.of("phases", command, "--config", CONFIG, "--spec-only", "--template", "cdk.out/prod"),
                    "--template and --spec-only exclude each other: check the templates, or the spec alone");
        }
        CliRun specOnly = CliRun.of("phases", "check", "--config", CONFIG, "--spec-only", "--through", "phase-1");
        assertThat(specOnly.exitCode()).as(specOnly.err()).isIn(0, 1);
        assertThat(specOnly.out()).contains("--spec-only");
    }

    @Test
    void an_utterance_or_a_file_exactly_one() {
        String line = "give the utterance as an argument or --file FILE, not both or neither";
        refused(CliRun.of("booking", "extract"), line);
        refused(CliRun.of("booking", "extract", "x", "--file", "y.jsonl"), line);
        refused(CliRun.of("booking", "extract", "--file", "y.jsonl", "x", "--local-only"), line);
    }

    @Test
    void the_synopsis_shows_what_excludes_what() {
        String report = Main.commandLine().getSubcommands().get("cost").getSubcommands().get("report")
                .getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertThat(report).contains("[--month=YYYY-MM | [--from=YYYY-MM-DD [--to=YYYY-MM-DD]]]")
                .contains("[--compare=FILE | --template=DIR_OR_FILE]")
                .doesNotContain("--spec-only");
        String extract = Main.commandLine().getSubcommands().get("booking").getSubcommands().get("extract")
                .getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertThat(extract).contains("([TEXT] | --file=FILE)");
        String completion = CliRun.of("completion", "bash").out();
        String reportCompletion = completion.substring(completion.indexOf("function _picocli_bella_cost_report()"));
        reportCompletion = reportCompletion.substring(0, reportCompletion.indexOf("\n}"));
        assertThat(reportCompletion).contains("'--compare'", "'--template'", "'--month'").doesNotContain("--spec-only");
    }

    @Test
    void every_argument_group_says_in_its_own_line_what_to_do() {
        List<ArgGroupSpec> groups = new ArrayList<>();
        for (CommandSpec c : UsageHelpTest.commands()) {
            c.argGroups().forEach(g -> collect(g, groups));
        }
        assertThat(groups).hasSizeGreaterThanOrEqualTo(6);
        for (ArgGroupSpec g : groups) {
            assertThat(g.typeInfo().getType().getAnnotation(Refusal.class))
                    .as(g.typeInfo().getType().getName() + " has no @Refusal: picocli's message would name its fields")
                    .isNotNull();
        }
    }

    private static void collect(ArgGroupSpec g, List<ArgGroupSpec> into) {
        into.add(g);
        g.subgroups().forEach(s -> collect(s, into));
    }

    @Test
    void a_group_option_alone_still_works() {
        CliRun month = CliRun.of("cost", "report", "--config", CONFIG, "--source", "estimate", "--month", "2026-12",
                "--format", "json");
        assertThat(month.exitCode()).as(month.err()).isZero();
        assertThat(month.out()).contains("2026-12");
        CliRun compare = CliRun.of("cost", "report", "--config", CONFIG, "--compare", "../configs/examples/baseline.yaml");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        for (List<String> args : List.of(List.of("booking", "extract", "call me at 514 555 0199", "--local-only"))) {
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }
}
