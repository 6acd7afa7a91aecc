package dev.bella.booking.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets of the embedded default, one file each in the data dir, readable by its owner only (0600). */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /** The secret in {@code file}, created with 32 random bytes (hex) the first time. */
    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            String secret = generate();
            return write(file, secret) ? secret : read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file + ": " + e.getMessage(), e);
        }
    }

    static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Writes {@code secret} to {@code file} (0600) unless it exists already; false when it did. */
    static boolean write(Path file, String secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII);
        try {
            Files.createLink(file, tmp); // never replaces a secret another process just wrote
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The secret in {@code file}; fails when it is missing, empty or readable by others. */
    public static String read(Path file) throws IOException {
        if (Files.getPosixFilePermissions(file).stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IOException(file + " is readable by other users; chmod 600 it");
        }
        String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (s.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return s;
    }
}
