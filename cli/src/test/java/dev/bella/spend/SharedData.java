package dev.bella.spend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real, third-party cost files are (read in place, never copied into the project): {@code shared/data}
 * beside the checkout or beside any folder above it, since CI may clone the project elsewhere than the
 * working copy, else the team machines' /work/shared/data; {@code BELLA_SHARED_DATA} overrides. Empty when there is none: the tests then skip, saying so.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Optional<Path> dir() {
        String override = System.getenv("BELLA_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isDirectory);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        // the team machines keep the shared folder at a fixed place; a CI clone under /tmp still finds it
        return Optional.of(Path.of("/work/shared/data")).filter(Files::isDirectory);
    }

    /** The folder, or a path that does not exist (so a test's existence check skips it visibly). */
    public static Path dirOrMissing() {
        return dir().orElse(Path.of("..", "..", "shared", "data"));
    }
}
