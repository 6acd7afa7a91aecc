package dev.bella.booking.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a crash leaves in a data dir that no live booking server holds (the caller has the {@link DataDirLock}):
 * a PostgreSQL still running for it (the server was killed, its postmaster was not), or a postmaster.pid whose
 * PID now belongs to an unrelated process (PostgreSQL would then refuse to start). The first is stopped, the
 * second removed; a pid file of a dead process is left to PostgreSQL, which handles it.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private StalePostmaster() {
    }

    static void clear(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = pidOf(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        if (servesDataDir(pid.get(), dataDir)) {
            log.warn("stopping orphaned PostgreSQL (PID {}) of data dir {} left by a server that did not shut down",
                    pid.get(), dataDir);
            stop(process.get(), dataDir);
            return;
        }
        log.warn("removing stale {}: its PID {} now belongs to another process", pidFile, pid.get());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove stale " + pidFile + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Long> pidOf(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return !lines.isEmpty() && lines.get(0).trim().matches("\\d{1,10}")
                    ? Optional.of(Long.parseLong(lines.get(0).trim())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A postmaster runs in its data dir (it chdirs there) and is a postgres binary. */
    static boolean servesDataDir(long pid, Path dataDir) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
            String cmd = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return cmd.contains("postgres") && cwd.equals(dataDir.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void stop(ProcessHandle postmaster, Path dataDir) {
        CompletableFuture<ProcessHandle> exited = postmaster.onExit();
        // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old server, so it exits promptly
        postmaster.destroy();
        try {
            exited.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("orphaned PostgreSQL (PID " + postmaster.pid() + ") of data dir " + dataDir
                    + " did not stop within " + STOP_WAIT.toSeconds() + " s; stop it (kill " + postmaster.pid()
                    + ") and start again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping orphaned PostgreSQL " + postmaster.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
