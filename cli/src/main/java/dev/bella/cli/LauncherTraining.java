package dev.bella.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The class-data-sharing training run of bin/bella's light configuration: runs the offline commands people start
 * most often, in one JVM, so the archive written at its exit holds the classes all of them load (an archive
 * recorded from whichever command ran first, say {@code --version}, would leave a report to load and verify
 * hundreds of classes from the jars). Output is discarded; a failing command only makes the archive smaller.
 */
public final class LauncherTraining {

    private LauncherTraining() {
    }

    /** {@code args[0]}: the spec to read (the repository's configs/bella.yaml). */
    public static void main(String[] args) {
        String config = args[0];
        List<List<String>> runs = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("cost", "report", "--source", "estimate", "--config", config),
                List.of("cost", "report", "--source", "estimate", "--config", config, "--format", "json"),
                List.of("cost", "schedule-dev", "plan", "--at", "2026-12-07T09:00-05:00", "--schedule-only",
                        "--config", config),
                List.of("phases", "status", "--spec-only", "--config", config));
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            for (List<String> run : runs) {
                // as bin/bella runs them: the branch each names (CommandTree), and the whole tree for --help
                Main.run(run.toArray(String[]::new));
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
