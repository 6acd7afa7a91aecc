package dev.bella.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, as the HTML report's browser check: it loads a file, takes a screenshot and
 * logs every console message (script errors, Content-Security-Policy refusals) to stderr as
 * {@code :INFO:CONSOLE:<line>] "message"}, which is what the tests read.
 */
record HeadlessChromium(Path binary) {

    record Page(List<String> consoleMessages, Path screenshot, String log) {
    }

    /** $BELLA_CHROMIUM when set (a path that is not executable means "none": skip), else the browser on PATH. */
    static Optional<HeadlessChromium> find() {
        String explicit = System.getenv("BELLA_CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(new HeadlessChromium(p)) : Optional.empty();
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir).resolve(name);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return Optional.of(new HeadlessChromium(p));
                }
            }
        }
        return Optional.empty();
    }

    Page load(Path html, Path screenshot, int width, int height, Path work) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path log = work.resolve(screenshot.getFileName() + ".log");
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0", "--window-size=" + width + "," + height,
                "--screenshot=" + screenshot.toAbsolutePath(), html.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 90 s; its log: " + log);
        }
        deleteTree(profile);
        String text = Files.readString(log);
        List<String> console = text.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Page(console, screenshot, text);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
