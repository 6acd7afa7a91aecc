package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bella.report.render.ReportFormat;
import dev.bella.report.render.SampleReports;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: it renders, logs nothing to the console (no script error, no
 * resource the page's Content-Security-Policy had to refuse), and gives a screenshot, kept in
 * cli/target/html-report/ for a human to look at. Skipped, saying so, where no chromium is installed
 * (.ci/run installs Debian's).
 */
class HtmlReportBrowserTest {

    static final Path OUT = Path.of("target/html-report");
    static final int WIDTH = 1200;
    static final int HEIGHT = 2400;
    static Optional<HeadlessChromium> chromium;

    @BeforeAll
    static void findBrowser() throws IOException {
        chromium = HeadlessChromium.find();
        if (chromium.isEmpty()) {
            System.err.println("SKIPPED HtmlReportBrowserTest: no chromium (apt-get install chromium, or set BELLA_CHROMIUM "
                    + "to its path); the HTML report was not checked in a browser");
        }
        Files.createDirectories(OUT);
    }

    @Test
    void theEstimateReportRendersWithoutConsoleErrors() throws Exception {
        assumeTrue(chromium.isPresent(), "no chromium on PATH: HTML report not checked in a browser");
        Path html = OUT.resolve("estimate.html");
        CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                "--format", "html", "--output", html.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();

        HeadlessChromium.Page page = chromium.get().load(html, OUT.resolve("estimate.png"), WIDTH, HEIGHT, OUT);

        assertThat(page.consoleMessages()).as("console messages; full log in " + OUT).isEmpty();
        assertScreenshot(page.screenshot());
    }

    @Test
    void aReportWithDailySpendAndHostileTextRendersWithoutConsoleErrors() throws Exception {
        assumeTrue(chromium.isPresent(), "no chromium on PATH: HTML report not checked in a browser");
        Path html = OUT.resolve("billed.html");
        Files.writeString(html, ReportFormat.HTML.render(SampleReports.billed(), false));

        HeadlessChromium.Page page = chromium.get().load(html, OUT.resolve("billed.png"), WIDTH, HEIGHT, OUT);

        // an unescaped <script>alert(..)</script> would be refused by the CSP, and the refusal logged
        assertThat(page.consoleMessages()).as("console messages; full log in " + OUT).isEmpty();
        assertScreenshot(page.screenshot());
    }

    /** The check above must be able to fail: a page with a script error and a remote image is caught. */
    @Test
    void theConsoleCheckCatchesScriptErrorsAndNetworkLoads() throws Exception {
        assumeTrue(chromium.isPresent(), "no chromium on PATH: HTML report not checked in a browser");
        String report = ReportFormat.HTML.render(SampleReports.billed(), false);
        Path html = OUT.resolve("broken.html");
        Files.writeString(html, report.replace("</main>", "<img src=\"https://example.com/x.png\" alt=\"\"></main>"));

        HeadlessChromium.Page page = chromium.get().load(html, OUT.resolve("broken.png"), 800, 600, OUT);

        assertThat(page.consoleMessages()).anySatisfy(m -> assertThat(m).contains("https://example.com/x.png",
                "Content Security Policy"));
    }

    /** A PNG of the window's size, and not a blank page (which compresses to a few kB). */
    private static void assertScreenshot(Path png) throws IOException {
        assertThat(png).exists();
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = data.readNBytes(8);
            assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            data.readInt(); // IHDR length
            assertThat(new String(data.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            assertThat(data.readInt()).isEqualTo(WIDTH);
            assertThat(data.readInt()).isEqualTo(HEIGHT);
        }
        assertThat(Files.size(png)).isGreaterThan(40_000);
    }
}
