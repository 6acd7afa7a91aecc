package dev.bella.cli;

import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import dev.bella.report.CostReport;
import dev.bella.spec.Spec;
import dev.bella.spend.BudgetCheck;
import dev.bella.spend.CostExplorerSpend;
import dev.bella.spend.CurFile;
import dev.bella.spend.FocusFile;
import dev.bella.spend.LedgerReader;
import dev.bella.spend.Metric;
import dev.bella.spend.ServiceCategories;
import dev.bella.spend.SpendPeriod;
import dev.bella.spend.SpendQuery;
import dev.bella.spend.SpendReportService;
import dev.bella.spend.TwilioCredentials;
import dev.bella.spend.TwilioUsage;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/** The options of the actual-spend sources (aws, focus, cur) and the wiring from them to the spend service. */
final class SpendOptions {

    enum Granularity { daily, monthly }

    enum Split { none, environment, account }

    /** The period: a calendar month, or days from a first one; picocli refuses both, and --to without --from. */
    @ArgGroup Period period;

    @Refusal("--month and --from/--to exclude each other")
    static final class Period {
        @Option(names = "--month", paramLabel = "YYYY-MM",
                description = "This calendar month (UTC). Default: the average month (estimate), month to date (aws), "
                        + "the file's days (focus, cur).")
        String month;

        @ArgGroup(exclusive = false) Days days;
    }

    @Refusal("--to needs --from")
    static final class Days {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD",
                description = "First day of the period (aws, focus, cur).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the period, inclusive (default: yesterday).")
        LocalDate to;
    }

    String month() {
        return period == null ? null : period.month;
    }

    LocalDate from() {
        return period == null || period.days == null ? null : period.days.from;
    }

    LocalDate to() {
        return period == null || period.days == null ? null : period.days.to;
    }

    @Option(names = "--granularity", paramLabel = "G", defaultValue = "daily",
            description = "daily or monthly Cost Explorer figures (default: ${DEFAULT-VALUE}).")
    Granularity granularity;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "unblended", converter = MetricConverter.class,
            description = "unblended, amortized or net-amortized (default: ${DEFAULT-VALUE}).")
    Metric metric;

    static final class MetricConverter implements ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            for (Metric m : Metric.values()) {
                if (m.id().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new TypeConversionException("expected unblended, amortized or net-amortized, found '"
                    + value + "'");
        }
    }

    @Option(names = "--by", paramLabel = "SPLIT", defaultValue = "none",
            description = "Split the spend by the Environment tag (environment) or by linked account (account); "
                    + "default: ${DEFAULT-VALUE}.")
    Split split;

    @Option(names = "--lenient", description = "Skip and count malformed rows of a FOCUS/CUR file instead of stopping.")
    boolean lenient;

    @Option(names = "--ledger-url", paramLabel = "URL|DIR",
            description = "The booking service's ledger (calls, Gathers, OpenAI tokens): a jdbc:postgresql:// URL "
                    + "(user and password from BELLA_LEDGER_USER and BELLA_LEDGER_PASSWORD), or the embedded default "
                    + "of a running `bella booking serve`: 'embedded' (its default data dir) or its --data-dir.")
    String ledgerUrl;

    @Option(names = "--twilio", description = "Add Twilio's charges per usage category: inbound minutes, speech "
            + "recognition, phone numbers (Usage Records API; TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with an API "
            + "key in TWILIO_API_KEY and TWILIO_API_SECRET).")
    boolean twilio;

    @Option(names = "--twilio-api-url", paramLabel = "URL", description = "Send Twilio API calls to URL, its path kept as a prefix (a proxy, a test server).")
    URI twilioApiUrl;

    @Option(names = "--fail-over", paramLabel = "LIMIT",
            description = "Exit 1 when spend passes the spec's daily or monthly limit (for cron and CI).")
    BudgetCheck.Limit failOver;

    @Option(names = "--forecast", description = "Forecast the rest of the month (Cost Explorer; a run-rate for files); "
            + "with --fail-over, check the forecast instead of the spend.")
    boolean forecast;

    SpendPeriod period(Clock clock, boolean file) {
        String month = month();
        LocalDate from = from();
        LocalDate to = to();
        if (month != null) {
            try {
                return SpendPeriod.month(YearMonth.parse(month));
            } catch (DateTimeParseException e) {
                throw new UserException(ExitCode.USAGE, "--month: expected YYYY-MM such as 2026-12, found '" + month + "'");
            }
        }
        if (from == null) {
            return file ? SpendPeriod.fileDays() : SpendPeriod.monthToDate(clock);
        }
        LocalDate end = to != null ? to.plusDays(1) : LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        if (!end.isAfter(from)) {
            throw new UserException(ExitCode.USAGE, "--from " + from + " is after the period's last day " + end.minusDays(1));
        }
        return SpendPeriod.between(from, end);
    }

    SpendQuery query(SpendPeriod period, Optional<String> env) {
        SpendQuery.Split s = SpendQuery.Split.valueOf(split.name().toUpperCase(Locale.ROOT));
        return new SpendQuery(period, granularity == Granularity.daily, metric, s, env, lenient, forecast);
    }

    /** Fetches the spend, adds third-party costs, and builds the report. */
    CostReport report(ReportSource chosen, AwsSettings aws, Clock clock, Spec spec, Optional<String> env,
                      Map<String, String> environment) {
        boolean file = chosen.kind() != ReportSource.Kind.AWS;
        SpendQuery q = query(period(clock, file), env);
        ServiceCategories categories = ServiceCategories.bundled();
        SpendReportService.ThirdParty third = thirdParty(environment);
        SpendReportService service = new SpendReportService();
        return switch (chosen.kind()) {
            case AWS -> {
                // Cost Explorer has one endpoint, in us-east-1, whatever region the resources are in
                try (CostExplorerClient ce = new AwsClients(aws.inRegion(Region.US_EAST_1)).create(CostExplorerClient.builder())) {
                    yield service.report(new CostExplorerSpend(ce, categories, clock), q, third, spec);
                }
            }
            case FOCUS -> service.report(new FocusFile(chosen.file().orElseThrow(), categories), q, third, spec);
            case CUR -> service.report(new CurFile(chosen.file().orElseThrow(), categories), q, third, spec);
            case ESTIMATE -> throw new IllegalStateException("the estimate is not a spend source");
        };
    }

    SpendReportService.ThirdParty thirdParty(Map<String, String> env) {
        Optional<TwilioUsage> t = twilio
                ? Optional.of(TwilioUsage.of(TwilioCredentials.fromEnv(env), Optional.ofNullable(twilioApiUrl)))
                : Optional.empty();
        Optional<LedgerReader> ledger = Optional.ofNullable(ledgerUrl)
                .map(url -> LedgerReader.forOption(url, env));
        return new SpendReportService.ThirdParty(t, ledger);
    }
}
