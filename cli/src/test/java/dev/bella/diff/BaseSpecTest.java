package dev.bella.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseSpecTest {

    @TempDir Path repo;
    private final SpecLoader loader = new SpecLoader();
    private Path spec;

    @BeforeEach
    void aRepositoryWithOneCommit() throws Exception {
        spec = repo.resolve("configs/bella.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, Files.readString(Path.of("../configs/bella.yaml")));
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base");
        Files.writeString(spec, Files.readString(spec).replace("calls-per-month: 2000", "calls-per-month: 3000"));
    }

    @Test
    void a_ref_reads_the_current_spec_file_at_that_ref() {
        Spec now = loader.load(spec);
        BaseSpec.Loaded base = new BaseSpec(loader, repo).load("HEAD", now);
        assertThat(base.label()).isEqualTo("HEAD:" + spec);
        assertThat(base.spec().usage().callsPerMonth()).isEqualTo(2000);
        assertThat(now.usage().callsPerMonth()).isEqualTo(3000);
    }

    @Test
    void ref_colon_path_names_the_file_from_the_repository_root() {
        BaseSpec.Loaded base = new BaseSpec(loader, repo).load("HEAD:configs/bella.yaml", loader.load(spec));
        assertThat(base.label()).isEqualTo("HEAD:configs/bella.yaml");
        assertThat(base.spec().usage().callsPerMonth()).isEqualTo(2000);
        assertThatThrownBy(() -> new BaseSpec(loader, repo).load("HEAD:configs/none.yaml", loader.load(spec)))
                .isInstanceOf(DiffException.class).hasMessageStartingWith("--base HEAD: not a file, and git cannot "
                        + "read configs/none.yaml at that ref: ");
    }

    @Test
    void a_file_is_read_relative_to_the_working_directory() throws Exception {
        Files.writeString(repo.resolve("old.yaml"), Files.readString(Path.of("../configs/bella.yaml")));
        BaseSpec.Loaded base = new BaseSpec(loader, repo).load("old.yaml", loader.load(spec));
        assertThat(base.spec().usage().callsPerMonth()).isEqualTo(2000);
    }

    @Test
    void the_bundled_spec_has_no_file_to_read_at_a_ref() {
        Spec bundled = loader.loadBundled(SpecLoader.DEFAULT_SPEC);
        assertThatThrownBy(() -> new BaseSpec(loader, repo).load("main", bundled)).isInstanceOf(DiffException.class)
                .hasMessage("--base main: not a file; a git ref needs the spec as a file in a git repository "
                        + "(pass --config FILE)");
        assertThatThrownBy(() -> new BaseSpec(loader, repo).load("--help", loader.load(spec)))
                .isInstanceOf(DiffException.class).hasMessage("--base --help: not a file, and not a git ref");
    }

    private void git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
