package dev.bella.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a spec came from: a file on disk or the copy bundled in the jar (the embedded default). Both
 * resolve relative references ({@code baseline}, {@code prices}) against their own folder.
 */
public sealed interface SpecSource {

    String label();

    /** The text of a file next to this one, or empty when there is no such file. */
    Optional<Loaded> resolve(String relative);

    record Loaded(SpecSource source, String text) {
    }

    record File(Path path) implements SpecSource {
        public String label() {
            return path.toString();
        }

        public Optional<Loaded> resolve(String relative) {
            Path p = path.toAbsolutePath().getParent().resolve(relative).normalize();
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                Path shown = Path.of("").toAbsolutePath().relativize(p);
                return Optional.of(new Loaded(new File(shown.toString().startsWith("..") ? p : shown),
                        Files.readString(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A resource under {@code bella-configs/} in the jar. */
    record Bundled(String path) implements SpecSource {
        public String label() {
            return "(bundled) configs/" + path;
        }

        public Optional<Loaded> resolve(String relative) {
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            String target = Path.of(dir + relative).normalize().toString().replace('\\', '/');
            return read(target).map(text -> new Loaded(new Bundled(target), text));
        }

        public static Optional<String> read(String path) {
            try (InputStream in = SpecSource.class.getClassLoader().getResourceAsStream("bella-configs/" + path)) {
                return in == null ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
