package dev.bella.cli;

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

    static int run(String... args) {
        return commandLine().execute(args);
    }
}
