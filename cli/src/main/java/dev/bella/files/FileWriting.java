package dev.bella.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

/**
 * The one way Bella writes a file the user keeps (a report, a price table, an edited spec): whole or not at all,
 * through a temporary file in the same directory renamed over the target.
 *
 * <p>Modes: {@code Files.createTempFile} makes its file 0600 whatever the umask, and the rename carried that onto
 * every report and onto a 0644 spec edited in place, so a team's shared spec became unreadable to the others.
 * Here the temporary file is created like any new file (0666 less the user's umask), and when the target already
 * exists it takes the target's mode, so an edit never changes who may read the file.
 */
public final class FileWriting {

    private FileWriting() {
    }

    /** Writes {@code text} (UTF-8) to {@code target}, atomically; an existing target keeps its mode. */
    public static void replace(Path target, String text) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Set<PosixFilePermission> kept = Files.exists(target) ? mode(target) : null;
        Path tmp = newSibling(parent);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (kept != null) {
                Files.setPosixFilePermissions(tmp, kept);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file beside the target, created without attributes so the process umask applies. */
    private static Path newSibling(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createFile(dir.resolve(".bella-" + UUID.randomUUID() + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** The file's POSIX mode, or null on a file system without one (Windows), where there is nothing to keep. */
    private static Set<PosixFilePermission> mode(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }
}
