package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostAlternativesCommandTest {

    private static final String TARGET = "../configs/bella.yaml";

    @Test
    void json_lists_every_area_with_totals_differences_and_risks() throws Exception {
        CliRun run = CliRun.of("cost", "alternatives", "--config", TARGET, "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        List<String> areas = new ArrayList<>();
        root.get("areas").forEach(a -> areas.add(a.get("area").asText()));
        assertThat(areas).containsExactly("database", "compute", "ingress", "cache", "region", "speech-and-language");
        BigDecimal current = root.get("current").decimalValue();
        for (JsonNode area : root.get("areas")) {
            for (JsonNode o : area.get("options")) {
                assertThat(o.get("monthly").decimalValue().subtract(current))
                        .isEqualByComparingTo(o.get("difference").decimalValue());
                if (!o.get("current").asBoolean()) {
                    assertThat(o.get("risks")).as(o.get("id").asText()).isNotEmpty();
                }
            }
        }
        assertThat(root.get("seedTable")).hasSize(4);
        assertThat(root.get("assumptions")).isNotEmpty();
    }

    @Test
    void the_table_ranks_alternatives_by_saving() {
        CliRun run = CliRun.of("cost", "alternatives", "--config", TARGET);
        assertThat(run.exitCode()).isZero();
        List<BigDecimal> differences = new ArrayList<>();
        run.out().lines().filter(l -> l.matches("^\\d+ .*")).forEach(l -> {
            String[] cols = l.trim().split("\\s+");
            List<String> amounts = java.util.Arrays.stream(cols).filter(c -> c.matches("[+-]?\\$[\\d,]+\\.\\d\\d")).toList();
            differences.add(new BigDecimal(amounts.get(1).replace("$", "").replace(",", "")));
        });
        assertThat(differences).hasSizeGreaterThan(10).isSortedAccordingTo(BigDecimal::compareTo);
        assertThat(run.out()).contains("The seed's own table").contains("Assumptions:");
    }

    @Test
    void only_an_area_with_its_spec_diff() {
        CliRun run = CliRun.of("cost", "alternatives", "--config", TARGET, "--only", "ingress", "--diff");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("+    ingress: alb").contains("-    ingress: http-api")
                .doesNotContain("Aurora Serverless v2, 0.5 ACU floor");
    }

    @Test
    void markdown_and_html() {
        CliRun md = CliRun.of("cost", "alternatives", "--config", TARGET, "--format", "markdown");
        assertThat(md.exitCode()).isZero();
        assertThat(md.out()).startsWith("### Alternatives for prod").contains("| 1 | ");
        CliRun html = CliRun.of("cost", "alternatives", "--config", TARGET, "--format", "html", "--only", "cache");
        assertThat(html.exitCode()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("DynamoDB on demand").endsWith("</html>\n");
    }

    @Test
    void bad_area_format_environment_and_a_missing_price_are_usage_errors() {
        CliRun area = CliRun.of("cost", "alternatives", "--config", TARGET, "--only", "queue");
        assertThat(area.exitCode()).isEqualTo(2);
        assertThat(area.out()).isEmpty();
        assertThat(area.err()).isEqualTo("bella: --only: unknown area 'queue'; expected one of database, compute, "
                + "ingress, cache, region, speech-and-language\n");
        CliRun format = CliRun.of("cost", "alternatives", "--config", TARGET, "--format", "csv");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("bella: --format: unknown format 'csv'; expected table, json, markdown or html\n");
        CliRun env = CliRun.of("cost", "alternatives", "--config", TARGET, "--env", "qa");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).isEqualTo("bella: unknown environment 'qa'; the spec has dev, prod\n");
        CliRun price = CliRun.of("cost", "alternatives", "--config", "src/test/resources/fixtures/spec-small.yaml");
        assertThat(price.exitCode()).isEqualTo(2);
        assertThat(price.out()).isEmpty();
        assertThat(price.err().lines()).hasSize(1);
        assertThat(price.err()).contains("aurora.postgres.serverless-v2.acu-hour");
    }

    @Test
    void format_and_output_are_the_shared_options_offering_only_what_it_writes(@TempDir Path tmp) throws Exception {
        CliRun unknown = CliRun.of("cost", "alternatives", "--config", TARGET, "--format", "xml");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).isEqualTo("bella: --format: unknown format 'xml'; expected table, json, markdown or html\n");
        CliRun padded = CliRun.of("cost", "alternatives", "--config", TARGET, "--format", " JSON ", "--only", "cache");
        assertThat(padded.exitCode()).as(padded.err()).isZero();
        assertThat(padded.out()).startsWith("{");
        Path file = tmp.resolve("alternatives.md");
        CliRun written = CliRun.of("cost", "alternatives", "--config", TARGET, "--format", "markdown",
                "--output", file.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).isEmpty();
        assertThat(Files.readString(file)).startsWith("### Alternatives for prod");
        CliRun help = CliRun.of("cost", "alternatives", "--help");
        assertThat(help.out()).contains("One of table, json, markdown, html (default: table).", "--output=FILE");
        List<String> offered = new ArrayList<>();
        Main.commandLine().getSubcommands().get("cost").getSubcommands().get("alternatives").getCommandSpec()
                .findOption("--format").completionCandidates().forEach(offered::add);
        assertThat(offered).containsExactly("table", "json", "markdown", "html");
    }

    @Test
    void help_renders_with_its_percent_signs() {
        CliRun alternatives = CliRun.of("cost", "alternatives", "--help");
        assertThat(alternatives.exitCode()).isZero();
        assertThat(alternatives.err()).isEmpty();
        assertThat(alternatives.out()).contains("99.9% availability").contains("--only=AREA", "--diff");
        CliRun diff = CliRun.of("cost", "diff", "--help");
        assertThat(diff.exitCode()).isZero();
        assertThat(diff.err()).isEmpty();
        assertThat(diff.out()).contains("percent (10%)").contains("--fail-over-increase 10%");
    }
}
