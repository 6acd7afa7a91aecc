package dev.bella.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: builds the command tree, runs it, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new BellaCommand())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * picocli's default stdout and stderr writers are buffered and flush only on println, so a command that ended
     * with {@code print(text)} lost that text when {@link #main} called System.exit. The writers are made here,
     * handed to every command (setOut and setErr reach the subcommands) and flushed after any command, whatever it did.
     */
    static int run(String... args) {
        CommandLine cmd = commandLine();
        PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        cmd.setOut(out).setErr(err);
        try {
            return cmd.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
