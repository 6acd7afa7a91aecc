package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Help and completion offer what each command accepts, and the help's examples can be copied as printed. */
class OfferedValuesTest {

    static final String SPEC = "../configs/bella.yaml";
    static final String BASELINE = "../configs/examples/baseline.yaml";
    static final String SEED = "../configs/examples/metrics-seed-case.csv";

    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> found = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(c -> found.addAll(all(c)));
        return found;
    }

    private static List<String> offered(String... path) {
        CommandLine c = Main.commandLine();
        for (String name : path) {
            c = c.getSubcommands().get(name);
        }
        List<String> values = new ArrayList<>();
        c.getCommandSpec().findOption("--format").completionCandidates().forEach(values::add);
        return values;
    }

    @Test
    void completion_offers_values_as_the_docs_write_them() {
        for (CommandLine c : all(Main.commandLine())) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.completionCandidates() != null) {
                    o.completionCandidates().forEach(v -> assertThat(v)
                            .as(c.getCommandSpec().qualifiedName() + " " + o.longestName()).isLowerCase());
                }
            }
        }
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.out()).doesNotContain("\"TABLE\"").doesNotContain("\"UNBLENDED\"");
    }

    @Test
    void every_offered_format_is_accepted() {
        assertThat(offered("cost", "rightsize")).containsExactly("table", "json");
        for (String f : offered("cost", "rightsize")) {
            CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", BASELINE, "--format", f);
            assertThat(run.exitCode()).as("rightsize --format " + f + ": " + run.err()).isZero();
        }
        assertThat(offered("cost", "schedule-dev", "plan")).containsExactly("table", "json");
        assertThat(offered("cost", "schedule-dev", "status")).containsExactly("table", "json");
        assertThat(offered("cost", "schedule-dev", "run")).containsExactly("table", "json");
        for (String f : offered("cost", "schedule-dev", "plan")) {
            CliRun run = CliRun.of("cost", "schedule-dev", "plan", "--config", SPEC, "--schedule-only",
                    "--at", "2026-11-28T17:00Z", "--format", f);
            assertThat(run.exitCode()).as("schedule-dev plan --format " + f + ": " + run.err()).isZero();
        }
        assertThat(offered("phases", "status")).containsExactly("table", "json");
        assertThat(offered("phases", "check")).containsExactly("table", "json", "junit");
        for (String f : offered("phases", "status")) {
            CliRun run = CliRun.of("phases", "status", "--spec-only", "--config", SPEC, "--format", f);
            assertThat(run.exitCode()).as("phases status --format " + f + ": " + run.err()).isZero();
        }
        assertThat(offered("cost", "report")).containsExactly("table", "json", "csv", "markdown", "html");
        // the help text shows the same list
        assertThat(CliRun.of("cost", "rightsize", "--help").out()).contains("One of table, json (default: table)");
    }

    private static final Pattern INSTANT = Pattern.compile("--until (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ)");

    @Test
    void examples_fit_the_help_and_name_no_past_hold() {
        for (CommandLine c : all(Main.commandLine())) {
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            int examples = help.indexOf("Examples:");
            if (examples < 0) {
                continue;
            }
            String name = c.getCommandSpec().qualifiedName();
            for (String line : c.getCommandSpec().usageMessage().footer()) {
                // picocli wraps a longer line wherever the width ends, which breaks a copied command (prose may wrap)
                if (line.strip().startsWith("bella ") || line.startsWith("      ")) {
                    assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(80);
                }
            }
            assertThat(help).as(name).doesNotContain("null");
            for (String line : help.substring(examples).lines().toList()) {
                Matcher m = INSTANT.matcher(line);
                if (m.find()) {
                    assertThat(OffsetDateTime.parse(m.group(1)).toInstant()).as(name + ": " + line).isAfter(Instant.now());
                }
            }
        }
    }

    @Test
    void until_takes_a_time_from_now_so_examples_never_expire() {
        assertThat(ScheduleDevOptions.fromNow("+8h")).isEqualTo(Duration.ofHours(8));
        assertThat(ScheduleDevOptions.fromNow("+1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> ScheduleDevOptions.fromNow("+tomorrow")).isInstanceOf(UserException.class)
                .hasMessageContaining("expected +DURATION such as +8h");
    }
}
