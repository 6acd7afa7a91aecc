package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingExtractCommandTest {
    static final String AT = "2026-11-25T19:00:00Z";   // Wednesday 14:00 in Toronto

    @TempDir
    Path dir;

    @Test
    void oneUtteranceAsJson() {
        CliRun r = CliRun.of("booking", "extract", "my name is Ana Silva, tomorrow at 3", "--at", AT,
                "--tz", "America/Toronto", "--from", "+15145550100");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("{\"name\":\"Ana Silva\",\"phone\":null,\"date\":\"2026-11-26\",\"time\":\"15:00\","
                + "\"confidence\":{\"name\":0.95,\"date\":0.95,\"time\":0.8},\"tier\":\"local\"}\n");
    }

    @Test
    void thisNumberIsTheFromNumber() {
        CliRun r = CliRun.of("booking", "extract", "use this number", "--from", "+1 514 555 0199", "--at", AT,
                "--tz", "America/Toronto", "--local-only");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"phone\":\"+15145550199\"").contains("\"date\":null").contains("\"tier\":\"local\"");
    }

    @Test
    void batchKeepsInputOrderAndIdsAndPerLineContext() throws IOException {
        Path in = dir.resolve("u.jsonl");
        Files.writeString(in, """
                {"id": 1, "text": "tomorrow at 3"}
                {"id": "b", "text": "tomorrow at 3", "at": "2026-11-30T15:00:00Z"}

                {"text": "my number is five one four five five five oh one nine nine", "tz": "America/Vancouver"}
                """);
        CliRun r = CliRun.of("booking", "extract", "--file", in.toString(), "--at", AT, "--tz", "America/Toronto",
                "--local-only");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"id\":1,").contains("\"date\":\"2026-11-26\"");
        assertThat(lines[1]).startsWith("{\"id\":\"b\",").contains("\"date\":\"2026-12-01\"");
        assertThat(lines[2]).startsWith("{\"name\":null,\"phone\":\"+15145550199\"");
    }

    @Test
    void badBatchLineNamesFileAndLineAndPrintsNothing() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"text\": \"tomorrow\"}\n{\"txt\": \"friday\"}\n");
        CliRun r = CliRun.of("booking", "extract", "--file", in.toString(), "--local-only");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("bella: " + in + ":2: unknown key \"txt\" (expected id, text, at, tz, from)\n");
    }

    @Test
    void notJsonLine() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "tomorrow at 3\n");
        CliRun r = CliRun.of("booking", "extract", "--file", in.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("bella: " + in + ":1: not JSON: ").doesNotContain("\tat ");
    }

    @Test
    void missingFile() {
        CliRun r = CliRun.of("booking", "extract", "--file", dir.resolve("nope.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("bella: " + dir.resolve("nope.jsonl") + ": no such file\n");
    }

    @Test
    void badZoneAndInstant() {
        CliRun tz = CliRun.of("booking", "extract", "tomorrow", "--tz", "Mars/Olympus");
        assertThat(tz.exitCode()).isEqualTo(2);
        assertThat(tz.out()).isEmpty();
        assertThat(tz.err()).isEqualTo("bella: --tz \"Mars/Olympus\" is not a time zone (e.g. America/Toronto)\n");
        CliRun at = CliRun.of("booking", "extract", "tomorrow", "--at", "yesterday");
        assertThat(at.exitCode()).isEqualTo(2);
        assertThat(at.out()).isEmpty();
        assertThat(at.err()).isEqualTo("bella: --at \"yesterday\" is not an ISO instant (e.g. 2026-11-25T19:00:00Z)\n");
    }

    @Test
    void textOrFileNotBothNorNeither() {
        CliRun none = CliRun.of("booking", "extract");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("bella: give the utterance as an argument or --file FILE, not both or neither\n");
        CliRun both = CliRun.of("booking", "extract", "x", "--file", "y.jsonl");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("bella: give the utterance as an argument or --file FILE, not both or neither\n");
    }
}
