package dev.bella.rightsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {

    @TempDir
    Path tmp;

    Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void csvSeriesWithTheirPeriodInferredFromTheSmallestGap() throws IOException {
        MetricsFile.Contents c = MetricsFile.read(write("m.csv", """
                # comment
                resource,metric,timestamp,value
                service,CPUUtilization,2026-11-01T00:00:00Z,10
                service,CPUUtilization,2026-11-01T00:05:00Z,12.5
                service,CPUUtilization,2026-11-01T00:20:00Z,11
                database,FreeableMemory,2026-11-01T00:00:00Z,629145600
                """));
        Series cpu = c.series().get(Kind.SERVICE).get(Metric.SERVICE_CPU);
        assertThat(cpu.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(cpu.points()).extracting(Series.Point::value).containsExactly(10.0, 12.5, 11.0);
        assertThat(cpu.coverage()).isEqualTo(Duration.ofMinutes(15)); // three points; the 10-minute gap is missing data
        assertThat(c.series().get(Kind.DATABASE).get(Metric.DATABASE_FREEABLE_MEMORY).period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.end()).contains(Instant.parse("2026-11-01T00:25:00Z"));
    }

    @Test
    void jsonSeriesWithAnExplicitPeriod() throws IOException {
        MetricsFile.Contents c = MetricsFile.read(write("m.json", """
                {"series": [
                  {"resource": "cache", "metric": "DatabaseMemoryUsagePercentage", "period": 3600,
                   "points": [["2026-11-01T00:00:00Z", 12.5], ["2026-11-01T05:00:00Z", 14]]}
                ]}
                """));
        Series mem = c.series().get(Kind.CACHE).get(Metric.CACHE_MEMORY);
        assertThat(mem.period()).isEqualTo(Duration.ofHours(1));
        assertThat(mem.coverage()).isEqualTo(Duration.ofHours(2));
        assertThat(mem.max()).isEqualTo(14.0);
    }

    @Test
    void theSeedExampleHoldsTheSeedsFigures() {
        MetricsFile.Contents c = MetricsFile.read(Path.of("../configs/examples/metrics-seed-case.csv"));
        Series cpu = c.series().get(Kind.SERVICE).get(Metric.SERVICE_CPU);
        assertThat(cpu.points()).hasSize(336);
        assertThat(cpu.percentile(RightsizeOptions.CPU_PERCENTILE)).isEqualTo(30.0);
        assertThat(c.series().get(Kind.SERVICE).get(Metric.SERVICE_MEMORY).max()).isEqualTo(35.0);
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        assertThatThrownBy(() -> MetricsFile.read(write("a.csv", "resource,metric,timestamp,value\nservice,CPU,2026-11-01T00:00:00Z,1\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("a.csv:2:1: unknown service metric 'CPU'; expected one of [CPUUtilization, MemoryUtilization]");
        assertThatThrownBy(() -> MetricsFile.read(write("b.csv", "resource,metric,timestamp,value\nrds,CPUUtilization,2026-11-01T00:00:00Z,1\n")))
                .hasMessageEndingWith("b.csv:2:1: unknown resource 'rds'; expected service, database or cache");
        assertThatThrownBy(() -> MetricsFile.read(write("c.csv", "resource,metric,timestamp,value\n\nservice,CPUUtilization,2026-11-01 00:00,1\n")))
                .hasMessageEndingWith("c.csv:3:1: expected a UTC timestamp such as 2026-11-01T00:00:00Z, found '2026-11-01 00:00'");
        assertThatThrownBy(() -> MetricsFile.read(write("d.csv", "resource,metric,timestamp,value\nservice,CPUUtilization,2026-11-01T00:00:00Z,high\n")))
                .hasMessageEndingWith("d.csv:2:1: expected a number, found 'high'");
        assertThatThrownBy(() -> MetricsFile.read(write("e.csv", "service,CPUUtilization,2026-11-01T00:00:00Z,1\n")))
                .hasMessageContaining("e.csv:1:1: expected the header resource,metric,timestamp,value");
        assertThatThrownBy(() -> MetricsFile.read(write("f.csv", "resource,metric,timestamp,value\nservice,CPUUtilization,1\n")))
                .hasMessageEndingWith("f.csv:2:1: expected 4 cells (resource,metric,timestamp,value), found 3");
        assertThatThrownBy(() -> MetricsFile.read(write("g.txt", "")))
                .hasMessageEndingWith("g.txt: metrics file must end in .csv or .json");
        assertThatThrownBy(() -> MetricsFile.read(tmp.resolve("none.csv")))
                .hasMessageEndingWith("none.csv: metrics file not found; pass an existing file with --metrics");
    }

    @Test
    void jsonErrors() throws IOException {
        assertThatThrownBy(() -> MetricsFile.read(write("a.json", "{\"series\": [")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("a.json:1:").hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> MetricsFile.read(write("b.json", "[]")))
                .hasMessageEndingWith("b.json:1:1: expected an object with a \"series\" array");
        assertThatThrownBy(() -> MetricsFile.read(write("c.json",
                "{\"series\": [{\"resource\": \"service\", \"metric\": \"CPUUtilization\", \"points\": [[\"2026-11-01T00:00:00Z\"]]}]}")))
                .hasMessageEndingWith("series[0].points[0]: expected [\"2026-11-01T00:00:00Z\", 12.5]");
        assertThatThrownBy(() -> MetricsFile.read(write("d.json",
                "{\"series\": [{\"resource\": \"service\", \"metric\": \"CPUUtilization\", \"period\": 0, \"points\": []}]}")))
                .hasMessageEndingWith("series[0].period: expected a positive number of seconds");
    }

    @Test
    void theFastTimestampPathAgreesWithInstantParseAndStillRejectsNonsense() {
        for (String t : List.of("2026-11-01T00:00:00Z", "2024-02-29T23:59:59Z", "1999-12-31T12:34:56Z")) {
            assertThat(MetricsFile.parseInstant(t)).isEqualTo(Instant.parse(t));
        }
        assertThat(MetricsFile.parseInstant("2026-11-01T00:00:00.500Z")).isEqualTo(Instant.parse("2026-11-01T00:00:00.500Z"));
        assertThatThrownBy(() -> MetricsFile.parseInstant("2026-13-01T00:00:00Z")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> MetricsFile.parseInstant("2026-02-30T00:00:00Z")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> MetricsFile.parseInstant("2026-1a-01T00:00:00Z")).isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void windowsLineEndsAreRead() throws IOException {
        MetricsFile.Contents c = MetricsFile.read(write("crlf.csv",
                "resource,metric,timestamp,value\r\nservice,CPUUtilization,2026-11-01T00:00:00Z,10\r\n"));
        assertThat(c.series().get(Kind.SERVICE).get(Metric.SERVICE_CPU).points()).hasSize(1);
    }
}
