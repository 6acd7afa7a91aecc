package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostRightsizeCommandTest {

    static final String BASELINE = "../configs/examples/baseline.yaml";
    static final String SEED = "../configs/examples/metrics-seed-case.csv";

    @Test
    void theSeedsCaseRecommendsHalfAVcpuAndOneGigabyte() throws Exception {
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", BASELINE, "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode service = json.get("resources").get(0);
        assertThat(service.get("kind").asText()).isEqualTo("service");
        assertThat(service.get("recommendedSpec").get("service.cpu").asInt()).isEqualTo(512);
        assertThat(service.get("recommendedSpec").get("service.memory").asInt()).isEqualTo(1024);
        // in the spec's order on every run (an unordered map gave memory first in about half of the JVMs started)
        List<String> keys = new ArrayList<>();
        service.get("recommendedSpec").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("service.cpu", "service.memory");
        assertThat(service.get("finding").asText()).isEqualTo("over-provisioned");
        // (1 * 0.04456 + 2 * 0.00489 - 0.5 * 0.04456 - 1 * 0.00489) * 730 = 19.8341
        assertThat(service.get("monthly").get("savings").decimalValue()).isEqualByComparingTo("19.83");
        assertThat(service.get("monthly").get("current").decimalValue()).isEqualByComparingTo("39.67");
        assertThat(json.get("totalMonthlySavings").decimalValue()).isEqualByComparingTo("19.83");
        assertThat(json.get("resources")).extracting(r -> r.get("kind").asText()).containsExactly("service", "database", "cache");
    }

    @Test
    void theTableNamesEachResourceAndTheTotal() {
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", BASELINE);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("service    1024 CPU / 2048 MiB  512 CPU / 1024 MiB   over-provisioned   medium")
                .contains("database   db.t3.micro          db.t3.micro          optimized")
                .containsPattern("total monthly savings +19\\.83");
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun lookback = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", BASELINE, "--lookback", "120d");
        assertThat(lookback.exitCode()).isEqualTo(2);
        assertThat(lookback.out()).isEmpty();
        assertThat(lookback.err()).startsWith("bella: --lookback: expected 1d to 93d").contains("found '120d'");
        CliRun headroom = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", BASELINE, "--headroom", "-5");
        assertThat(headroom.exitCode()).isEqualTo(2);
        assertThat(headroom.err()).isEqualTo("bella: --headroom: expected a percentage from 0 to 200, found -5\n");
        CliRun format = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", BASELINE, "--format", "csv");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("bella: --format: rightsize writes table or json\n");
        CliRun env = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", BASELINE, "--env", "staging");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).isEqualTo("bella: unknown environment 'staging'; the spec has prod\n");
    }

    @Test
    void aMissingMetricsFileIsAUsageError() {
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", "nope.csv", "--config", BASELINE);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: nope.csv: metrics file not found; pass an existing file with --metrics\n");
    }

    @TempDir
    Path tmp;

    @Test
    void diffShowsTheSpecChangeAndLeavesTheFileAlone() throws Exception {
        Path spec = tmp.resolve("baseline.yaml");
        Files.copy(Path.of(BASELINE), spec);
        String before = Files.readString(spec);
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", spec.toString(), "--diff");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String p = spec.toString();
        assertThat(run.out()).startsWith("--- a/" + p + "\n+++ b/" + p + "\n@@ -10,8 +10,8 @@\n")
                .contains("-      cpu: 1024            # 1 vCPU\n-      memory: 2048         # 2 GB\n"
                        + "+      cpu: 512            # 1 vCPU\n+      memory: 1024         # 2 GB\n");
        assertThat(Files.readString(spec)).isEqualTo(before);
    }

    @Test
    void applyRewritesOnlyTheRecommendedValues() throws Exception {
        Path spec = tmp.resolve("baseline.yaml");
        Files.copy(Path.of(BASELINE), spec);
        String before = Files.readString(spec);
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", spec.toString(), "--apply");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("bella: applied 2 change(s) to " + spec + "\n");
        assertThat(run.out()).contains("over-provisioned");
        assertThat(Files.readString(spec)).isEqualTo(before.replace("      cpu: 1024            # 1 vCPU",
                "      cpu: 512            # 1 vCPU").replace("      memory: 2048         # 2 GB", "      memory: 1024         # 2 GB"));
    }

    @Test
    void theBundledSpecCannotBeEdited() {
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--apply");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: (bundled) configs/bella.yaml: the bundled spec cannot be edited; "
                + "pass the spec file with --config\n");
    }

    @Test
    void theSameSeriesAsJsonGiveTheSameAnswer() throws Exception {
        // the seed file's rows, rewritten in the JSON form (docs/rightsize.md)
        java.util.Map<String, java.util.List<String>> series = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(SEED))) {
            String[] c = line.split(",");
            if (line.startsWith("#") || line.startsWith("resource,")) {
                continue;
            }
            series.computeIfAbsent(c[0] + "|" + c[1], k -> new java.util.ArrayList<>()).add("[\"" + c[2] + "\", " + c[3] + "]");
        }
        StringBuilder json = new StringBuilder("{\"series\": [");
        series.forEach((k, points) -> json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                .append("{\"resource\": \"").append(k.split("\\|")[0]).append("\", \"metric\": \"").append(k.split("\\|")[1])
                .append("\", \"period\": 3600, \"points\": [").append(String.join(",", points)).append("]}"));
        json.append("]}");
        Path file = tmp.resolve("seed.json");
        Files.writeString(file, json);
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", file.toString(), "--config", BASELINE, "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode service = new ObjectMapper().readTree(run.out()).get("resources").get(0);
        assertThat(service.get("recommendedSpec").get("service.cpu").asInt()).isEqualTo(512);
        assertThat(service.get("recommendedSpec").get("service.memory").asInt()).isEqualTo(1024);
        assertThat(service.get("monthly").get("savings").decimalValue()).isEqualByComparingTo("19.83");
    }

    @Test
    void aSpecThatNeedsNoChangeSaysSoOnStderr() throws Exception {
        // applied once, the spec matches the recommendation: a second --diff with metrics of the new size is empty
        Path spec = tmp.resolve("baseline.yaml");
        Files.writeString(spec, Files.readString(Path.of(BASELINE)).replace("cpu: 1024 ", "cpu: 512 ").replace("memory: 2048 ", "memory: 1024 "));
        Path metrics = tmp.resolve("m.csv");
        // the seed's usage seen on the 512/1024 task: twice the percentages (60% CPU p99.5, 70% memory max)
        StringBuilder csv = new StringBuilder("resource,metric,timestamp,value\n");
        for (int h = 0; h < 48; h++) {
            String t = java.time.Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * h).toString();
            csv.append("service,CPUUtilization,").append(t).append(",60\n").append("service,MemoryUtilization,").append(t).append(",70\n");
        }
        Files.writeString(metrics, csv);
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", metrics.toString(), "--config", spec.toString(), "--diff");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: the spec needs no change\n");
    }

    @Test
    void anUnsupportedFormatIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path spec = tmp.resolve("baseline.yaml");
        Files.copy(Path.of(BASELINE), spec);
        String before = Files.readString(spec);
        CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", spec.toString(), "--apply", "--format", "markdown");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bella: --format: rightsize writes table or json\n");
        assertThat(Files.readString(spec)).isEqualTo(before);
    }
}
