package dev.bella.cli;

import dev.bella.prices.MissingPriceException;
import dev.bella.yaml.ConfigException;
import dev.bella.yaml.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one mapper from failures to exit codes and stderr lines. Stack traces only with --verbose:
 * a user needs the line that says what to change, not the JVM's call chain.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        ExitCode code = switch (ex) {
            case ConfigException c -> {
                for (Problem p : c.problems()) {
                    err.println("bella: " + p);
                }
                if (c.problems().size() > 1) {
                    err.println("bella: " + c.problems().size() + " problems; fix them and run again");
                }
                yield ExitCode.USAGE;
            }
            case dev.bella.schedule.ScheduleConfigException s -> {
                err.println("bella: " + s.getMessage());
                yield ExitCode.USAGE;
            }
            case MissingPriceException m -> {
                err.println("bella: " + m.getMessage());
                yield ExitCode.USAGE;
            }
            case dev.bella.booking.config.BookingConfigException b -> {
                b.problems().forEach(p -> err.println("bella: " + p));
                yield ExitCode.USAGE;
            }
            case UserException u -> {
                err.println("bella: " + u.getMessage());
                yield u.exitCode;
            }
            case dev.bella.template.TemplateException t -> {
                err.println("bella: " + t.getMessage());
                yield ExitCode.USAGE;
            }
            case dev.bella.alarms.AlarmsException a -> {
                err.println("bella: " + a.getMessage());
                yield switch (a.reason()) {
                    case CONFIG -> ExitCode.USAGE;
                    case BILLING_ALERTS_DISABLED -> ExitCode.AWS;
                    case CONFLICT -> ExitCode.POLICY_VIOLATION;
                };
            }
            case dev.bella.spend.SpendException s -> {
                err.println("bella: " + s.getMessage());
                yield ExitCode.USAGE;
            }
            case dev.bella.spend.ProviderException p -> {
                err.println("bella: " + firstLine(p.getMessage()));
                yield ExitCode.AWS;
            }
            case dev.bella.pricing.PriceListException p -> {
                err.println("bella: " + p.getMessage());
                yield ExitCode.AWS;
            }
            case dev.bella.rightsize.ResourceNotFoundException r -> {
                err.println("bella: " + r.getMessage());
                yield ExitCode.AWS;
            }
            case software.amazon.awssdk.core.exception.SdkException s -> {
                err.println("bella: AWS error: " + firstLine(s.getMessage())
                        + "; check your credentials (--profile), region (--region) and permissions");
                yield ExitCode.AWS;
            }
            case dev.bella.stacks.StackException s -> {
                err.println("bella: " + s.getMessage());
                yield ExitCode.USAGE;
            }
            case java.io.UncheckedIOException io -> {
                err.println("bella: " + firstLine(io.getCause().getMessage()));
                yield ExitCode.USAGE;
            }
            default -> {
                err.println("bella: internal error: " + ex + " (rerun with --verbose for details and report it)");
                yield ExitCode.POLICY_VIOLATION;
            }
        };
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code.code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
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
