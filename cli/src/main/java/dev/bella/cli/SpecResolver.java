package dev.bella.cli;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which spec a command reads: --config, else $BELLA_CONFIG, else ./configs/bella.yaml, else the copy
 * bundled in the jar (so `bella cost report` works from any folder on a fresh machine).
 */
final class SpecResolver {

    private final Map<String, String> env;
    private final Path workingDir;

    SpecResolver(Map<String, String> env, Path workingDir) {
        this.env = env;
        this.workingDir = workingDir;
    }

    Spec load(CommonOptions options) {
        SpecLoader loader = new SpecLoader();
        Path explicit = options.config != null ? options.config
                : env.containsKey("BELLA_CONFIG") ? Path.of(env.get("BELLA_CONFIG")) : null;
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new UserException(ExitCode.USAGE, "spec not found: " + explicit
                        + "; pass an existing file with --config");
            }
            return loader.load(explicit);
        }
        Path local = workingDir.resolve("configs/bella.yaml");
        if (Files.isRegularFile(local)) {
            return loader.load(workingDir.relativize(local));
        }
        return loader.loadBundled(SpecLoader.DEFAULT_SPEC);
    }

    static SpecResolver fromEnvironment() {
        return new SpecResolver(System.getenv(), Path.of(""));
    }
}
