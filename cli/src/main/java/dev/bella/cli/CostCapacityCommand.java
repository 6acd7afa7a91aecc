package dev.bella.cli;

import dev.bella.capacity.CapacityException;
import dev.bella.capacity.CapacityRenderer;
import dev.bella.capacity.CapacityReport;
import dev.bella.capacity.CapacityService;
import dev.bella.report.render.ReportFormat;
import dev.bella.rightsize.RightsizeService;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.spend.EmbeddedLedger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "capacity",
        description = {"Predicts concurrent calls for each hour of the week from the call history.",
                "Suggests the scheduled minimum task count (service.autoscaling.scheduled); --apply writes it into",
                "the spec."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost capacity --calls calls.csv --calls-per-task 4 --tz America/Toronto",
                "  bella cost capacity --ledger-url jdbc:postgresql://db:5432/bella \\",
                "      --calls-per-task 4 --tz America/Toronto \\",
                "      --format html --output capacity.html",
                "  bella cost capacity --calls calls.jsonl --diff"})
final class CostCapacityCommand implements Callable<Integer>, OfferedValues {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML);
    }


    @Mixin CommonOptions common;
    @Mixin OutputOptions output;

    @ArgGroup(multiplicity = "1") History history;

    @Refusal("give the call history with --calls FILE or --ledger-url JDBC: one of them, not both")
    static final class History {
        @Option(names = "--calls", paramLabel = "FILE", required = true,
                description = "Call history: CSV or JSON lines with started_at and duration_seconds (docs/capacity.md).")
        Path calls;
        @Option(names = "--ledger-url", paramLabel = "URL|embedded|DIR", required = true, description = "booking-core's "
                + "database (its calls table): a jdbc:postgresql:// URL (user and password from BELLA_LEDGER_USER and "
                + "BELLA_LEDGER_PASSWORD), 'embedded' for the running embedded default, or its data dir.")
        String ledgerUrl;
    }

    @Option(names = "--lookback", paramLabel = "WEEKS", defaultValue = "8w", description = "History to read: 2w-104w, or days (e.g. 60d) (default: ${DEFAULT-VALUE}).")
    String lookback;

    @Option(names = "--tz", paramLabel = "ZONE", description = "The callers' time zone (default: the spec's timezone).")
    String tz;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "95", description = "Percentile of the weekly peaks, 50-100 (default: ${DEFAULT-VALUE}).")
    int percentile;

    @Option(names = "--calls-per-task", paramLabel = "N", description = "Concurrent calls one task carries (default: the spec's service.autoscaling.calls-per-task).")
    Integer callsPerTask;

    @Option(names = "--diff", description = "Print the change to the spec as a unified diff instead of the report.")
    boolean diff;

    @Option(names = "--apply", description = "Write the suggested scheduled minimum into the spec file.")
    boolean apply;

    @CommandLine.Spec CommandSpec self;

    Clock clock = Clock.systemUTC();
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        Spec spec = SpecResolver.fromEnvironment().load(common);
        Environment environment = environment(spec);
        CapacityService.Options options = new CapacityService.Options(zone(), lookbackDays(), percentile(), callsPerTask());
        CapacityService service = new CapacityService(clock);
        PrintWriter err = self.commandLine().getErr();
        try {
            CapacityReport report = history.calls != null ? service.fromFile(spec, environment, history.calls, options)
                    : fromLedger(service, spec, environment, options);
            if (diff || apply) {
                RightsizeService.SpecEdit edit = service.edit(spec, report);
                edit.edited().notes().forEach(n -> err.println("bella: note: " + n));
                if (apply) {
                    err.println("bella: " + edit.apply());
                }
                if (diff) {
                    output.write(edit.diff(), self.commandLine().getOut());
                    return ExitCode.OK.code;
                }
            }
            output.write(switch (output.format) {
                case JSON -> CapacityRenderer.json(report);
                case MARKDOWN -> CapacityRenderer.markdown(report);
                case HTML -> CapacityRenderer.html(report);
                case TABLE -> CapacityRenderer.table(report, common.color());
                case CSV -> throw new UserException(ExitCode.USAGE, "--format: capacity writes table, json, markdown or html");
            }, self.commandLine().getOut());
            return ExitCode.OK.code;
        } catch (CapacityException e) {
            throw new UserException(e.reason() == CapacityException.Reason.DATABASE ? ExitCode.AWS : ExitCode.USAGE,
                    e.getMessage());
        }
    }

    private Environment environment(Spec spec) {
        String name = common.environment().orElse(spec.environments().containsKey("prod") ? "prod"
                : spec.environments().firstKey());
        return spec.environment(name).orElseThrow(() -> new UserException(ExitCode.USAGE, "unknown environment '" + name
                + "'; the spec has " + String.join(", ", spec.environments().keySet())));
    }

    private Optional<ZoneId> zone() {
        try {
            return Optional.ofNullable(tz).map(ZoneId::of);
        } catch (DateTimeException e) {
            throw new UserException(ExitCode.USAGE, "--tz: unknown time zone '" + tz + "'; expected an IANA name such as America/Toronto");
        }
    }

    private int lookbackDays() {
        Matcher m = Pattern.compile("(\\d{1,3})([wd])").matcher(lookback);
        int days = !m.matches() ? -1 : Integer.parseInt(m.group(1)) * ("w".equals(m.group(2)) ? 7 : 1);
        if (days < 14 || days > 728) {
            throw new UserException(ExitCode.USAGE, "--lookback: expected 2w to 104w (or 14d to 728d), found '" + lookback + "'");
        }
        return days;
    }

    private int percentile() {
        if (percentile < 50 || percentile > 100) {
            throw new UserException(ExitCode.USAGE, "--percentile: expected 50 to 100, found " + percentile);
        }
        return percentile;
    }

    private Optional<Integer> callsPerTask() {
        if (callsPerTask != null && (callsPerTask < 1 || callsPerTask > 10_000)) {
            throw new UserException(ExitCode.USAGE, "--calls-per-task: expected 1 to 10000, found " + callsPerTask);
        }
        return Optional.ofNullable(callsPerTask);
    }

    /** The ledger named by a URL, or the embedded default's found from its data dir (as cost report finds it). */
    private CapacityReport fromLedger(CapacityService service, Spec spec, Environment environment,
                                      CapacityService.Options options) {
        return EmbeddedLedger.forOption(history.ledgerUrl, env)
                .map(at -> service.fromLedger(spec, environment, at.jdbcUrl(), Optional.of(at.user()),
                        Optional.of(at.password()), options))
                .orElseGet(() -> service.fromLedger(spec, environment, history.ledgerUrl,
                        Optional.ofNullable(env.get("BELLA_LEDGER_USER")), Optional.ofNullable(env.get("BELLA_LEDGER_PASSWORD")),
                        options));
    }
}
