package dev.bella.booking.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One booking server per data dir. An OS file lock (released by the kernel when the holder dies, however it
 * dies) on {@code <data dir>.lock} beside the data dir (initdb wants the data dir itself empty), which also names the holder's PID so a refused second server can say who
 * has it. Unlike PostgreSQL's postmaster.pid, a stale file can never block a start: only a live lock does.
 */
final class DataDirLock implements AutoCloseable {


    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // this very process already serves it
            }
            if (l == null) {
                long pid = holder(file);
                ch.close();
                throw new DataDirBusyException("data dir " + dataDir + " is in use by another booking server"
                        + (pid > 0 ? " (PID " + pid + ")" : "") + "; stop it first, or pass another --data-dir", pid);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            return new DataDirLock(ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("could not lock data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static long holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.matches("\\d{1,10}") ? Long.parseLong(text) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
