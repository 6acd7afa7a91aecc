package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bella cost diff} from the packaged jar: stdout, stderr and exit code as CI sees them. */
class CostDiffJarIT {

    private static final Path JAR = Path.of("target", "bella.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    record Run(int code, String out, String err) {
    }

    static Run bella(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    @Test
    void the_markdown_diff_of_the_baseline_against_the_target() throws Exception {
        Run run = bella("cost", "diff", "--base", "../configs/examples/baseline.yaml", "--config",
                "../configs/bella.yaml", "--format", "markdown");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("### Bella cost diff").contains("Monthly cost **decreases by $")
                .contains("| Application Load Balancer (removed) | $18.07 | $0.00 | -$18.07 |");
    }

    @Test
    void an_increase_over_the_threshold_exits_1_and_a_bad_threshold_2() throws Exception {
        Run over = bella("cost", "diff", "--base", "../configs/bella.yaml", "--config",
                "../configs/examples/baseline.yaml", "--fail-over-increase", "5%");
        assertThat(over.code()).isEqualTo(1);
        assertThat(over.out()).contains("Monthly cost increases by");
        assertThat(over.err()).startsWith("bella: monthly cost increases by $").endsWith("over --fail-over-increase 5%\n");
        Run bad = bella("cost", "diff", "--base", "../configs/bella.yaml", "--fail-over-increase", "lots");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().lines()).hasSize(1);
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
