package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The README's "options every command takes" sentences, read from the README and checked against the command tree:
 * the options they promise exist where they say, and no command outside the groups they name reads a spec.
 */
class ReadmeOptionsTest {

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private static String readme() throws IOException {
        return String.join(" ", Files.readAllLines(Path.of("..", "README.md")));
    }

    /** The text between two markers, which must both be there. */
    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("README has \"" + from + "\"").isNotNegative();
        int end = text.indexOf(to, start + from.length());
        assertThat(end).as("README has \"" + to + "\" after \"" + from + "\"").isPositive();
        return text.substring(start + from.length(), end);
    }

    /** The backticked words of text that start with prefix, up to a blank: `--config FILE` gives --config. */
    private static List<String> backticked(String text, String prefix) {
        Matcher m = BACKTICKED.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String word = m.group(1).split(" ")[0];
            if (word.startsWith(prefix)) {
                found.add(word);
            }
        }
        return found;
    }

    private static String path(CommandSpec c) {
        return c.qualifiedName().replaceFirst("^bella ?", "");
    }

    @Test
    void every_command_takes_the_options_every_command_takes() throws IOException {
        List<String> options = backticked(between(readme(), "Options every command takes:", "."), "--");
        assertThat(options).containsExactly("--help", "--version", "--verbose");
        for (CommandSpec c : UsageHelpTest.commands()) {
            for (String o : options) {
                assertThat(c.findOption(o)).as("bella " + path(c) + " " + o).isNotNull();
            }
        }
    }

    @Test
    void the_commands_that_read_the_spec_take_its_options_and_no_other_command_does() throws IOException {
        String sentence = between(readme(), "Options every command that reads the spec takes (", "`prices refresh` takes");
        List<String> groups = backticked(sentence.substring(0, sentence.indexOf("):")), "");
        List<String> options = backticked(sentence.substring(sentence.indexOf("):")), "--");
        assertThat(groups).isNotEmpty();
        assertThat(options).contains("--config", "--env", "--profile", "--region", "--endpoint-url", "--no-color");
        for (CommandSpec c : UsageHelpTest.commands()) {
            boolean named = groups.stream().anyMatch(g -> (path(c) + " ").startsWith(g + " "));
            boolean runs = c.subcommands().isEmpty();
            if (named && runs) {
                for (String o : options) {
                    assertThat(c.findOption(o)).as("bella " + path(c) + " " + o).isNotNull();
                }
            }
            if (c.findOption("--config") != null) {
                assertThat(named).as("bella " + path(c) + " reads a spec but is not in the README's list " + groups).isTrue();
            }
        }
    }

    @Test
    void prices_refresh_booking_and_completion_take_what_the_readme_says() throws IOException {
        String text = readme();
        List<String> refresh = backticked(between(text, "`prices refresh` takes", "but reads no spec"), "--");
        assertThat(refresh).isNotEmpty();
        CommandSpec prices = Main.commandLine().getSubcommands().get("prices").getSubcommands().get("refresh").getCommandSpec();
        refresh.forEach(o -> assertThat(prices.findOption(o)).as("bella prices refresh " + o).isNotNull());
        assertThat(prices.findOption("--config")).isNull();
        assertThat(between(text, "but reads no spec;", "take only their own")).contains("`booking`", "`completion`");
        for (CommandSpec c : UsageHelpTest.commands()) {
            if (path(c).startsWith("booking") || path(c).startsWith("completion")) {
                for (String o : List.of("--config", "--env", "--profile", "--region", "--endpoint-url")) {
                    assertThat(c.findOption(o)).as("bella " + path(c) + " " + o).isNull();
                }
            }
        }
    }
}
