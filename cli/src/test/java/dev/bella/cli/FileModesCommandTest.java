package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files Bella writes get the user's umask when new and keep their mode when edited in place. */
class FileModesCommandTest {

    static final String BASELINE = "../configs/examples/baseline.yaml";
    static final String SEED = "../configs/examples/metrics-seed-case.csv";

    @TempDir
    Path dir;

    @Test
    void rightsize_apply_keeps_a_shared_specs_mode() throws IOException {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-rw-r--"}) {
            Path spec = dir.resolve("baseline-" + mode + ".yaml");
            Files.copy(Path.of(BASELINE), spec);
            Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString(mode));
            String before = Files.readString(spec);
            CliRun run = CliRun.of("cost", "rightsize", "--metrics", SEED, "--config", spec.toString(), "--apply");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(spec)).isNotEqualTo(before);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spec))).as(mode).isEqualTo(mode);
        }
        // no temporary file is left beside the spec
        try (var left = Files.list(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith(".bella-"))).isEmpty();
        }
    }

    @Test
    void a_new_report_gets_the_umask_and_an_overwritten_one_keeps_its_mode() throws IOException {
        // what this process's umask gives any new file; a 0600 from Bella would differ unless the umask is 077
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> umaskMode = Files.getPosixFilePermissions(probe);
        Assumptions.assumeFalse(umaskMode.equals(PosixFilePermissions.fromString("rw-------")),
                "umask 077 gives 0600 to every file; nothing to tell apart");
        Path report = dir.resolve("out/report.json");
        CliRun run = CliRun.of("cost", "report", "--config", BASELINE, "--source", "estimate", "--format", "json",
                "--output", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(umaskMode);

        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw----"));
        CliRun again = CliRun.of("cost", "report", "--config", BASELINE, "--source", "estimate", "--format", "csv",
                "--output", report.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(report)).doesNotStartWith("{");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-rw----");
    }
}
