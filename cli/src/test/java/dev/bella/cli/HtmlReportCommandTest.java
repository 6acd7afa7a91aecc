package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void theEstimateAsHtmlHasEverySectionAndSaysItHasNoDailyData() throws IOException {
        Path file = dir.resolve("cost.html");
        CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                "--format", "html", "--output", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("id=\"summary\"", "id=\"categories\"", "id=\"daily\"", "id=\"top\"", "id=\"per-call\"",
                        "id=\"phases\"", "id=\"comparison\"", "id=\"details\"")
                .contains("No daily data for this source (estimate).", "against a daily limit of $8.00")
                .doesNotContain("<polyline");
        // the charts: categories, top items, cost per call, phases, comparison
        assertThat(html.split("<svg ", -1)).hasSize(6);
    }

    @Test
    void anUnknownFormatListsHtml() {
        CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown format 'pdf'; expected table, json, csv, markdown or html");
    }
}
