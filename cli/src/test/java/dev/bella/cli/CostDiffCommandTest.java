package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostDiffCommandTest {

    private static final String BASELINE = "../configs/examples/baseline.yaml";
    private static final String TARGET = "../configs/bella.yaml";
    private static final String PROD_RETENTION = "    logs: {retention-days: 30}\n    commitments:";

    @TempDir Path tmp;

    @Test
    void the_baseline_against_the_target_shows_the_saving_per_category() throws IOException {
        CliRun run = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET, "--month", "2026-12",
                "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode prod = env(json(run), "prod");
        assertThat(prod.get("status").asText()).isEqualTo("changed");
        // by hand, December 2026 = 744 h: baseline 1 vCPU x86 0.04456 x 744 = 33.15, 2 GB x 0.00489 x 744 = 7.28,
        // task IPv4 0.005 x 744 = 3.72; target arm64 0.25 vCPU / 0.5 GB over 744 + 40 peak task-hours:
        // 196 x 0.03565 = 6.99, 392 x 0.00391 = 1.53, 784 x 0.005 = 3.92
        JsonNode compute = category(prod, "compute");
        assertThat(compute.get("base").decimalValue()).isEqualByComparingTo("44.15");
        assertThat(compute.get("now").decimalValue()).isEqualByComparingTo("12.44");
        assertThat(compute.get("change").decimalValue()).isEqualByComparingTo("-31.71");
        // the cache is gone, the ALB replaced by the HTTP API
        JsonNode cache = category(prod, "cache");
        assertThat(cache.get("now").decimalValue()).isZero();
        assertThat(cache.get("lines").get(0).get("status").asText()).isEqualTo("removed");
        assertThat(ids(category(prod, "networking"))).contains("alb-hours", "http-api-requests");
        for (String c : List.of("database", "networking", "storage-and-logs", "third-party-apis")) {
            assertThat(category(prod, c).get("change").decimalValue()).as(c).isNegative();
        }
        assertThat(env(json(run), "dev").get("status").asText()).isEqualTo("added");
        JsonNode total = json(run).get("total");
        assertThat(total.get("change").decimalValue()).isNegative();
        assertThat(total.get("base").decimalValue().add(total.get("change").decimalValue()))
                .isEqualByComparingTo(total.get("now").decimalValue());
    }

    @Test
    void a_one_line_change_shows_exactly_that_line() throws IOException {
        Path before = tmp.resolve("before.yaml");
        Path after = tmp.resolve("after.yaml");
        String text = Files.readString(Path.of(TARGET));
        assertThat(text).contains(PROD_RETENTION);
        Files.writeString(before, text);
        Files.writeString(after, text.replace(PROD_RETENTION, PROD_RETENTION.replace("30", "90")));
        CliRun run = CliRun.of("cost", "diff", "--base", before.toString(), "--config", after.toString(),
                "--month", "2026-12", "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        List<String> changed = changedLines(json(run));
        assertThat(changed).containsExactly("prod/storage-and-logs/logs-storage");
        JsonNode line = category(env(json(run), "prod"), "storage-and-logs").get("lines").get(0);
        assertThat(line.get("description").asText()).contains("90-day retention");
        // 2 GB a month kept 90 days: 5.92 GB stored at December's share, less prod's share of the 5 GB free
        // allowance (shared with dev's 0.05 GB), at $0.033: three cents, from zero
        assertThat(line.get("base").decimalValue()).isZero();
        assertThat(line.get("now").decimalValue()).isEqualByComparingTo("0.03");

        CliRun table = CliRun.of("cost", "diff", "--base", before.toString(), "--config", after.toString(),
                "--month", "2026-12");
        assertThat(table.out()).contains("Monthly cost increases by $0.03")
                .contains("CloudWatch Logs storage, 90-day retention").doesNotContain("Fargate");
        CliRun markdown = CliRun.of("cost", "diff", "--base", before.toString(), "--config", after.toString(),
                "--month", "2026-12", "--format", "markdown");
        assertThat(markdown.out()).startsWith("### Bella cost diff").contains("**increases by $0.03")
                .contains("| prod | Storage, logs and data transfer | CloudWatch Logs storage, 90-day retention | $0.00 | $0.03 | +$0.03 |");
    }

    @Test
    void an_unchanged_spec_says_so_and_passes_any_threshold() {
        CliRun run = CliRun.of("cost", "diff", "--base", TARGET, "--config", TARGET, "--fail-over-increase", "0");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No change in the monthly cost").doesNotContain("ENVIRONMENT");
    }

    @Test
    void a_git_ref_is_read_with_git_show() throws Exception {
        Path repo = tmp.resolve("repo");
        Path spec = repo.resolve("configs/bella.yaml");
        Files.createDirectories(spec.getParent());
        String text = Files.readString(Path.of(TARGET));
        Files.writeString(spec, text);
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base");
        Files.writeString(spec, text.replace(PROD_RETENTION, PROD_RETENTION.replace("30", "90")));

        CliRun run = CliRun.of("cost", "diff", "--base", "HEAD", "--config", spec.toString(), "--month", "2026-12",
                "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(json(run).get("base").asText()).isEqualTo("HEAD:" + spec);
        assertThat(changedLines(json(run))).containsExactly("prod/storage-and-logs/logs-storage");

        CliRun badRef = CliRun.of("cost", "diff", "--base", "no-such-branch", "--config", spec.toString());
        assertThat(badRef.exitCode()).isEqualTo(2);
        assertThat(badRef.out()).isEmpty();
        assertThat(badRef.err().lines()).hasSize(1);
        assertThat(badRef.err()).startsWith("bella: --base no-such-branch: not a file, and git cannot read bella.yaml");
    }

    @Test
    void a_ref_outside_a_git_repository_is_a_usage_error() throws IOException {
        Path spec = tmp.resolve("bella.yaml");
        Files.writeString(spec, Files.readString(Path.of(TARGET)));
        CliRun run = CliRun.of("cost", "diff", "--base", "main", "--config", spec.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("--base main: not a file, and git cannot read bella.yaml");
    }

    @Test
    void a_missing_base_file_is_a_usage_error() {
        CliRun run = CliRun.of("cost", "diff", "--base", "configs/nowhere.yaml", "--config", TARGET);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: --base: spec not found: configs/nowhere.yaml\n");
    }

    @Test
    void a_bad_threshold_or_format_is_a_usage_error() {
        CliRun threshold = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET,
                "--fail-over-increase", "ten");
        assertThat(threshold.exitCode()).isEqualTo(2);
        assertThat(threshold.err()).isEqualTo("bella: --fail-over-increase: expected USD such as 25 or a percent "
                + "such as 10%, found 'ten'\n");
        CliRun negative = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET,
                "--fail-over-increase", "-5%");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("a threshold of 0 or more");
        CliRun format = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET, "--format", "csv");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("bella: --format: unknown format 'csv'; expected table, json or markdown\n");
    }

    @Test
    void format_and_output_are_the_shared_options_offering_only_what_it_writes() throws IOException {
        for (String refused : List.of("html", "xml")) {
            CliRun run = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET, "--format", refused);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("bella: --format: unknown format '" + refused
                    + "'; expected table, json or markdown\n");
        }
        CliRun mixed = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET, "--format", "Markdown ");
        assertThat(mixed.exitCode()).as(mixed.err()).isZero();
        assertThat(mixed.out()).startsWith("### Bella cost diff");
        Path file = tmp.resolve("cost-diff.json");
        CliRun written = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET, "--format", "json",
                "--output", file.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).isEmpty();
        assertThat(Files.readString(file)).startsWith("{");
        CliRun help = CliRun.of("cost", "diff", "--help");
        assertThat(help.out()).contains("One of table, json, markdown (default: table).", "--output=FILE");
        List<String> offered = new ArrayList<>();
        Main.commandLine().getSubcommands().get("cost").getSubcommands().get("diff").getCommandSpec()
                .findOption("--format").completionCandidates().forEach(offered::add);
        assertThat(offered).containsExactly("table", "json", "markdown");
    }

    @Test
    void an_increase_over_the_threshold_exits_1_and_a_saving_never_does() {
        // reversed: going from the target back to the baseline is an increase
        CliRun usd = CliRun.of("cost", "diff", "--base", TARGET, "--config", BASELINE, "--fail-over-increase", "25");
        assertThat(usd.exitCode()).isEqualTo(1);
        assertThat(usd.out()).contains("Monthly cost increases by");
        assertThat(usd.err()).startsWith("bella: monthly cost increases by $").contains("over --fail-over-increase $25");
        CliRun pct = CliRun.of("cost", "diff", "--base", TARGET, "--config", BASELINE, "--fail-over-increase", "10%");
        assertThat(pct.exitCode()).isEqualTo(1);
        assertThat(pct.err()).contains("over --fail-over-increase 10%");
        CliRun generous = CliRun.of("cost", "diff", "--base", TARGET, "--config", BASELINE,
                "--fail-over-increase", "10000");
        assertThat(generous.exitCode()).isZero();
        CliRun saving = CliRun.of("cost", "diff", "--base", BASELINE, "--config", TARGET, "--fail-over-increase", "0");
        assertThat(saving.exitCode()).isZero();
        assertThat(saving.err()).isEmpty();
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    private static JsonNode env(JsonNode root, String name) {
        for (JsonNode e : root.get("environments")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no environment " + name + " in " + root);
    }

    private static JsonNode category(JsonNode env, String id) {
        for (JsonNode c : env.get("categories")) {
            if (c.get("category").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no category " + id + " in " + env);
    }

    private static List<String> ids(JsonNode category) {
        List<String> ids = new ArrayList<>();
        category.get("lines").forEach(l -> ids.add(l.get("id").asText()));
        return ids;
    }

    private static List<String> changedLines(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : root.get("environments")) {
            for (JsonNode c : e.get("categories")) {
                for (JsonNode l : c.get("lines")) {
                    out.add(e.get("name").asText() + "/" + c.get("category").asText() + "/" + l.get("id").asText());
                }
            }
        }
        return out;
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @SuppressWarnings("unused")
    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
