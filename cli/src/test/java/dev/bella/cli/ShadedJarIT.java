package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The application jar as a user runs it ({@code java -jar bella.jar …}, the light runtime its manifest lists),
 * after packaging. The unit tests run on Maven's test classpath, where a test-scoped dependency can supply a class
 * the jar lacks; this does not. Each launcher configuration (bin/bella) is run by {@link LauncherIT}.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "bella.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theCostReportRunsFromTheJar() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "cost", "report", "--source", "estimate",
                "--format", "json").redirectErrorStream(false).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(read(p.getErrorStream())).isZero();
        assertThat(out.get()).contains("\"schemaVersion\"");
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
