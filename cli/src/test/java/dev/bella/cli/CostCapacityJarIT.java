package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.capacity.SyntheticHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bella cost capacity} from the shaded jar, as a user runs it: stdout, stderr and exit code together. */
class CostCapacityJarIT {

    private static final Path JAR = Path.of("target", "bella.jar").toAbsolutePath(); // the process runs in a temp dir
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run bella(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private Path history(int days) {
        return SyntheticHistory.write(dir, "calls-" + days + ".csv", SyntheticHistory.csv(SyntheticHistory.calls(
                ZoneId.of("America/Toronto"), LocalDate.of(2026, 9, 7), days, SyntheticHistory::morningsBusy)));
    }

    @Test
    void suggestsThreeTasksOnWeekdayMorningsFromTheJar() throws Exception {
        Run run = bella("cost", "capacity", "--calls", history(56).toAbsolutePath().toString(), "--calls-per-task", "4",
                "--tz", "America/Toronto", "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"scheduled\" : [ {\n      \"days\" : \"mon-fri\",\n      \"from\" : \"09:00\",\n"
                + "      \"to\" : \"11:00\",\n      \"min\" : 3\n    } ]");
    }

    @Test
    void refusesTooLittleHistoryWithOneLineAndExitTwo() throws Exception {
        Run run = bella("cost", "capacity", "--calls", history(10).toAbsolutePath().toString(), "--calls-per-task", "4",
                "--tz", "America/Toronto");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: too little history: 10 day(s) of calls (2026-09-07 to 2026-09-16, "
                + "America/Toronto); a prediction needs at least 14 days, so that every hour of the week is seen at "
                + "least twice\n");
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
