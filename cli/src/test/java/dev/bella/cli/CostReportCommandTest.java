package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostReportCommandTest {

    static final String BASELINE = "../configs/examples/baseline.yaml";
    static final String TARGET = "../configs/bella.yaml";
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static BigDecimal dec(JsonNode n) {
        return n.decimalValue();
    }

    @Test
    void the_baseline_lands_inside_the_seeds_ranges() throws IOException {
        JsonNode r = json(CliRun.of("cost", "report", "--config", BASELINE, "--source", "estimate", "--format", "json"));
        assertThat(r.path("source").asText()).isEqualTo("estimate");
        assertThat(dec(r.at("/totals/aws"))).isBetween(new BigDecimal("92"), new BigDecimal("120"));
        JsonNode by = r.at("/totals/byCategory");
        assertThat(dec(by.path("compute"))).isBetween(new BigDecimal("35"), new BigDecimal("45"));
        assertThat(dec(by.path("database"))).isBetween(new BigDecimal("15"), new BigDecimal("20"));
        assertThat(dec(by.path("cache"))).isBetween(new BigDecimal("12"), new BigDecimal("15"));
        assertThat(dec(by.path("storage-and-logs"))).isBetween(new BigDecimal("10"), new BigDecimal("15"));
        // The seed's load balancer line ($20-25) predates AWS's public IPv4 charge; with the ALB's two
        // addresses ($7.30) the networking line is just above it. See docs/cost-model.md.
        assertThat(dec(by.path("networking"))).isBetween(new BigDecimal("20"), new BigDecimal("26"));
    }

    @Test
    void the_target_is_compared_with_its_baseline() throws IOException {
        JsonNode r = json(CliRun.of("cost", "report", "--config", TARGET, "--source", "estimate", "--format", "json"));
        JsonNode c = r.path("comparison");
        assertThat(c.path("baseline").asText()).endsWith("baseline.yaml");
        assertThat(dec(c.path("awsReductionPercent"))).isGreaterThanOrEqualTo(new BigDecimal("40"));
        assertThat(r.path("phases")).hasSize(4);
        // after the last phase the prod environment costs what the target's prod costs
        BigDecimal lastPhaseAws = dec(r.path("phases").get(3).path("aws"));
        JsonNode prod = null;
        for (JsonNode e : r.path("environments")) {
            if (e.path("name").asText().equals("prod")) {
                prod = e;
            }
        }
        assertThat(lastPhaseAws).isEqualByComparingTo(dec(prod.at("/totals/aws")));
    }

    @Test
    void table_output_has_subtotals_totals_cost_per_call_budget_and_roadmap() {
        CliRun run = CliRun.of("cost", "report", "--config", TARGET, "--source", "estimate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Environment prod", "Environment dev", "Compute", "TOTAL AWS",
                "Cost per call: $", "(target $0.05:", "Budget: AWS $", "Roadmap projection", "phase-1 Quick wins",
                "Compared with", "source: estimate (requested)");
        assertThat(run.out()).doesNotContain("\u001B[");
    }

    @Test
    void only_one_environment_with_env() throws IOException {
        JsonNode r = json(CliRun.of("cost", "report", "--config", TARGET, "--env", "dev", "--format", "json"));
        assertThat(r.path("environments")).hasSize(1);
        // office hours 07:00-19:00 weekdays: about 260 h of the 730
        assertThat(dec(r.at("/environments/0/runningHours"))).isBetween(new BigDecimal("255"), new BigDecimal("262"));
    }

    @Test
    void output_file_gets_the_report_and_stdout_stays_empty() throws IOException {
        Path file = dir.resolve("out/report.csv");
        CliRun run = CliRun.of("cost", "report", "--config", BASELINE, "--format", "csv", "--output", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).startsWith("source,period_start,period_end,environment,category");
    }

    @Test
    void a_bad_spec_exits_2_with_every_problem_and_its_position() throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, """
                region: ca-central-1
                environments:
                  prod:
                    service: {cpu: 512, memory: 512}
                    databse: {}
                """);
        CliRun run = CliRun.of("cost", "report", "--config", spec.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(spec + ":4:33: environments.prod.service.memory: 512 MiB is not a valid Fargate size")
                .contains(spec + ":5:5: environments.prod: unknown key 'databse'; did you mean 'database'?")
                .contains("2 problems");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void a_missing_spec_file_exits_2() {
        CliRun run = CliRun.of("cost", "report", "--config", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bella: spec not found: ").contains("--config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--format=pdf", "--month=2026-13", "--env=staging", "--source=cur:", "--metric=gross", "--bogus"})
    void bad_arguments_exit_2_with_one_line(String arg) {
        CliRun run = CliRun.of("cost", "report", "--config", BASELINE, arg);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: ").doesNotContain("\tat ");
    }

    @Test
    void a_bad_compare_file_exits_2() {
        CliRun run = CliRun.of("cost", "report", "--config", BASELINE, "--compare", "missing.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--compare: spec not found: missing.yaml");
    }

    @Test
    void verbose_adds_the_stack_trace() throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "region: [\n");
        CliRun run = CliRun.of("cost", "report", "--config", spec.toString(), "--verbose");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("invalid YAML").contains("\tat ");
    }

    @Test
    void spec_validate_says_ok_or_lists_every_problem() throws IOException {
        CliRun ok = CliRun.of("spec", "validate", "--config", TARGET);
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).startsWith("OK ../configs/bella.yaml: 2 environment(s) [dev, prod]");
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "region: ca-central-1\nenvironments:\n  prod:\n    ingress: nlb\n    logs: {retention-days: 45}\n");
        CliRun bad = CliRun.of("spec", "validate", "--config", spec.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().lines().filter(l -> l.startsWith("bella: " + spec))).hasSize(2);
        assertThat(bad.err()).contains(":4:14: environments.prod.ingress: expected one of")
                .contains(":5:28: environments.prod.logs.retention-days: CloudWatch accepts only");
    }

    @Test
    void help_version_and_completion() {
        CliRun help = CliRun.of("cost", "report", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:", "--source", "--format", "--config");
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("bella ");
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("report");
        CliRun zsh = CliRun.of("completion", "zsh");
        assertThat(zsh.out()).startsWith("autoload -U +X compinit");
        assertThat(CliRun.of("completion", "fish").exitCode()).isEqualTo(2);
    }

    @Test
    void auto_asks_the_sdk_and_finds_static_keys_in_the_config_file_under_home(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        // only ~/.aws/config, no credentials file: the SDK reads keys from either
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = ca-central-1\n"
                + "[profile dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = secret\n");
        Map<String, String> env = Map.of("HOME", home.toString());
        ReportSource dev = ReportSource.choose("auto", env, Optional.of("dev"));
        assertThat(dev.kind()).isEqualTo(ReportSource.Kind.AWS);
        assertThat(dev.reason()).contains("credentials are configured (profile 'dev')");
        assertThat(ReportSource.choose("auto", Map.of("HOME", home.toString(), "AWS_PROFILE", "dev"),
                Optional.empty()).kind()).isEqualTo(ReportSource.Kind.AWS);
        // the default profile has a region only: the SDK finds no credentials there, nor does auto
        ReportSource regionOnly = ReportSource.choose("auto", env, Optional.empty());
        assertThat(regionOnly.kind()).isEqualTo(ReportSource.Kind.ESTIMATE);
        assertThat(regionOnly.reason()).isEqualTo("auto: no AWS credentials configured");
        // a profile the files do not have is no credentials either
        assertThat(ReportSource.choose("auto", env, Optional.of("nope")).kind())
                .isEqualTo(ReportSource.Kind.ESTIMATE);
    }

    @Test
    void auto_reads_the_files_the_environment_names(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("elsewhere.ini");
        Files.writeString(config, "[default]\naws_access_key_id = AKIDX\naws_secret_access_key = secret\n");
        Path emptyHome = Files.createDirectories(dir.resolve("home"));
        assertThat(ReportSource.choose("auto", Map.of("HOME", emptyHome.toString()), Optional.empty())
                .kind()).isEqualTo(ReportSource.Kind.ESTIMATE);
        assertThat(ReportSource.choose("auto", Map.of("HOME", emptyHome.toString(),
                "AWS_CONFIG_FILE", config.toString()), Optional.empty()).kind()).isEqualTo(ReportSource.Kind.AWS);
        assertThat(ReportSource.choose("auto", Map.of("HOME", emptyHome.toString(), "AWS_ACCESS_KEY_ID", "A",
                "AWS_SECRET_ACCESS_KEY", "s"), Optional.empty()).reason()).contains("(environment)");
    }
}
