package dev.bella.cli;

import dev.bella.errors.BellaException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one mapper from failures to exit codes and stderr lines. Stack traces only with --verbose:
 * a user needs the line that says what to change, not the JVM's call chain.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        // No booking-core or CDK type may be named here: this runs on the light classpath (bin/bella), and a
        // type switch loads every class it names. Bella's failures carry their outcome (BellaException).
        int code = switch (ex) {
            // first: a wrapper would otherwise blame the network, or print the SDK's 2 KB provider chain
            case Exception e when AwsFailures.noCredentials(e) -> {
                err.println("bella: " + AwsFailures.noCredentialsLine(e));
                yield ExitCode.AWS.code;
            }
            case BellaException b -> {
                b.lines().forEach(line -> err.println("bella: " + line));
                yield ExitCode.of(b.outcome()).code;
            }
            case SdkException s -> {
                err.println("bella: AWS error: " + firstLine(s.getMessage())
                        + "; check your credentials (--profile), region (--region) and permissions");
                yield ExitCode.AWS.code;
            }
            case java.io.UncheckedIOException io -> {
                err.println("bella: " + firstLine(io.getCause().getMessage()));
                yield ExitCode.USAGE.code;
            }
            default -> {
                err.println("bella: internal error: " + ex + " (rerun with --verbose for details and report it)");
                yield ExitCode.INTERNAL.code;
            }
        };
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // a converter that refuses a value with Bella's own failure (OutputOptions.Only) has already said it in one line
        if (ex.getCause() instanceof BellaException b) {
            b.lines().forEach(line -> err.println("bella: " + line));
            err.flush();
            return ExitCode.of(b.outcome()).code;
        }
        // an argument group's own line says what to do; picocli's names the group's fields
        var refusal = Refusals.of(ex);
        if (refusal.isPresent()) {
            err.println("bella: " + refusal.get());
            err.flush();
            return ExitCode.USAGE.code;
        }
        err.println("bella: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("bella: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.USAGE.code;
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
