package dev.bella.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Entry point: builds the command tree (as much of it as the arguments need), runs it, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        // System.exit logs the exit through System.Logger (JDK 17 and later), which starts java.util.logging: as
        // much CPU again as a JVM hello-world (bench/startup.sh). A run that succeeded and left no thread of its
        // own running returns instead; the JVM then ends with status 0 and runs the same shutdown hooks.
        if (code != 0 || otherThreadsAlive()) {
            System.exit(code);
        }
    }

    /** A thread the JVM would wait for, were main to return: one that is alive and not a daemon. */
    static boolean otherThreadsAlive() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i] != Thread.currentThread() && threads[i].isAlive() && !threads[i].isDaemon()) {
                return true;
            }
        }
        return n == threads.length; // more threads than counted: do not guess
    }

    /** The whole command tree: what help, completion and the man pages see. */
    static CommandLine commandLine() {
        return configure(CommandTree.whole());
    }

    /** The root and the branch {@code args} name, or the whole tree when they need it ({@link CommandTree#forArgs}). */
    static CommandLine commandLine(String... args) {
        return configure(CommandTree.forArgs(args));
    }

    private static CommandLine configure(CommandLine root) {
        ErrorHandler errors = new ErrorHandler();
        return root.setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * picocli's default stdout and stderr writers are buffered and flush only on println, so a command that ended
     * with {@code print(text)} lost that text when {@link #main} called System.exit. The writers are made here,
     * handed to every command (setOut and setErr reach the subcommands) and flushed after any command, whatever it did.
     */
    static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        try {
            // `bella --version` alone is answered before picocli builds any model: building even the root's costs
            // more than the rest of the JVM's start (bench/startup.sh). Same lines and exit code as picocli's
            // version help, which prints what the root's VersionProvider returns (MainTest compares the two).
            if (List.of(args).equals(List.of("--version")) || List.of(args).equals(List.of("-V"))) {
                for (String line : new VersionProvider().getVersion()) {
                    out.println(line);
                }
                return ExitCode.OK.code;
            }
            return commandLine(args).setOut(out).setErr(err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
