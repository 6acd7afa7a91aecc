package dev.bella.diff;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The spec at {@code --base}: a file when one exists at that path, else the current spec file as it was at
 * that git ref ({@code git show REF:./FILE}, run in the spec's folder), or {@code REF:PATH} for another file at a
 * ref. A spec read from git resolves its
 * relative references ({@code prices:}) in the working tree, so both sides are priced from the same tables.
 */
public final class BaseSpec {

    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(30);

    /** What was read, and how to name it in the report. */
    public record Loaded(Spec spec, String label) {
    }

    private final SpecLoader loader;
    private final Path workingDir;

    /** @param workingDir where a relative {@code --base} file and a {@code REF:./PATH} are read from */
    public BaseSpec(SpecLoader loader, Path workingDir) {
        this.loader = loader;
        this.workingDir = workingDir;
    }

    public Loaded load(String base, Spec current) {
        if (base.isBlank()) {
            throw new DiffException("--base: expected a git ref (main, HEAD~1, a commit) or a spec file");
        }
        Path file = workingDir.resolve(base);
        if (Files.isRegularFile(file)) {
            return new Loaded(loader.load(file), file.toString());
        }
        int colon = base.indexOf(':');
        if (colon > 0) {
            // REF:PATH names the file itself, as git does (the path from the repository's root, or ./ from here)
            Path path = workingDir.resolve(base.substring(colon + 1));
            String text = gitShow(workingDir.toAbsolutePath(), base.substring(0, colon), base.substring(colon + 1));
            return new Loaded(loader.read(loader.parse(new SpecSource.File(path), text)), base);
        }
        if (!(current.source() instanceof SpecSource.File(Path specPath))) {
            throw new DiffException("--base " + base + ": not a file; a git ref needs the spec as a file in a git "
                    + "repository (pass --config FILE)");
        }
        if (base.endsWith(".yaml") || base.endsWith(".yml")) {
            throw new DiffException("--base: spec not found: " + base);
        }
        Path dir = specPath.toAbsolutePath().getParent();
        String text = gitShow(dir, base, "./" + specPath.getFileName());
        String label = base + ":" + specPath;
        return new Loaded(loader.read(loader.parse(new SpecSource.File(specPath), text)), label);
    }

    private static String gitShow(Path dir, String ref, String name) {
        if (ref.startsWith("-")) {
            throw new DiffException("--base " + ref + ": not a file, and not a git ref");
        }
        ProcessBuilder pb = new ProcessBuilder("git", "-C", dir.toString(), "show", ref + ":" + name);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new DiffException("--base " + ref + ": not a file, and git is not available to read it as a ref ("
                    + e.getMessage() + ")");
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try {
            if (!p.waitFor(GIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DiffException("--base " + ref + ": git show did not answer within " + GIT_TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new DiffException("--base " + ref + ": not a file, and git cannot read " + (name.startsWith("./") ? name.substring(2) : name) + " at that ref: "
                        + firstLine(err.join()));
            }
            return out.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffException("--base " + ref + ": interrupted while reading it with git");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl);
        return t.startsWith("fatal: ") ? t.substring("fatal: ".length()) : t;
    }
}
