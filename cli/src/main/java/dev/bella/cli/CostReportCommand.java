package dev.bella.cli;

import dev.bella.estimate.EstimatePeriod;
import dev.bella.estimate.EstimateReportService;
import dev.bella.estimate.TemplateEstimator;
import dev.bella.prices.VoiceUsage;
import dev.bella.report.CostReport;
import dev.bella.spend.BudgetCheck;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;
import picocli.CommandLine;

@Command(name = "report",
        description = {"Monthly and daily spend by environment and category, cost per call and budget status.",
                "Third-party costs and the forecast too: estimated from the spec, or actual from Cost Explorer or a",
                "FOCUS/CUR export."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost report",
                "  bella cost report --config configs/examples/baseline.yaml --format json",
                "  bella cost report --env prod --month 2026-12 --format markdown \\",
                "      --output cost.md",
                "  bella cost report --compare configs/examples/baseline.yaml",
                "  bella cost report --source aws --forecast --fail-over monthly",
                "  bella cost report --source aws --month 2026-10 --by environment \\",
                "      --ledger-url jdbc:postgresql://db/bella --twilio",
                "  bella cost report --source estimate --ledger-url embedded",
                "  bella cost report --source estimate --env prod --template cdk.out/prod",
                "  bella cost report --source focus:focus-2026-10.csv.gz --format csv",
                "  bella cost report --source cur:cur-2026-10.csv --lenient"})
final class CostReportCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Mixin OutputOptions output;
    @ArgGroup Priced priced = new Priced();
    @Mixin SpendOptions spend;

    @CommandLine.Spec(Target.SELF)
    CommandSpec self;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "auto",
            description = "estimate (offline: spec + price table), aws (Cost Explorer), focus:FILE, cur:FILE (a "
                    + "FOCUS 1.x or legacy CUR CSV, gzipped or not), or auto: aws when AWS credentials are "
                    + "configured, else estimate (default: ${DEFAULT-VALUE}).")
    String source;

    /** What the estimate prices besides the spec: another spec to compare with, or synthesized templates. */
    @Refusal("--compare and --template do not go together: the comparison is between specs; price the other "
            + "template in a second report")
    static final class Priced {
        @Option(names = "--compare", paramLabel = "FILE",
                description = "Compare with another spec (estimate; default: the spec's baseline, when it names one).")
        Path compare;

        @Option(names = "--template", paramLabel = "DIR_OR_FILE",
                description = "Price a CloudFormation template (JSON or YAML), a cloud assembly folder (manifest.json, "
                        + "e.g. cdk.out/prod) or a folder of them, one per environment (cdk.out), instead of the spec's "
                        + "resources.")
        Path template;
    }

    /** Not an option of this command: named only so the user learns where it belongs (bella phases). */
    @Option(names = "--spec-only", hidden = true)
    boolean specOnly;

    Clock clock = Clock.systemUTC();
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        Path compare = priced.compare;
        boolean templates = priced.template != null;
        if (specOnly) {
            throw new UserException(ExitCode.USAGE, "--spec-only is for bella phases; cost report prices the spec "
                    + "already (--source estimate), or the stacks with --template DIR_OR_FILE");
        }
        // a template or a comparison is priced by the estimate, so auto must not pick Cost Explorer for them
        boolean estimateOnly = templates || compare != null;
        ReportSource chosen = ReportSource.choose(estimateOnly && source.strip().equals("auto") ? "estimate" : source,
                environment, Optional.ofNullable(common.profile));
        Spec spec = new SpecResolver(environment, Path.of("")).load(common);
        common.environment().ifPresent(e -> spec.environment(e).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "unknown environment '" + e + "'; the spec has " + String.join(", ", spec.environments().keySet()))));
        if (templates && chosen.kind() != ReportSource.Kind.ESTIMATE) {
            throw new UserException(ExitCode.USAGE, "--template prices a template with the estimate; use --source estimate");
        }
        if (compare != null && chosen.kind() != ReportSource.Kind.ESTIMATE) {
            throw new UserException(ExitCode.USAGE, "--compare works with --source estimate only");
        }
        CostReport report = chosen.kind() == ReportSource.Kind.ESTIMATE ? estimate(spec, compare)
                : spend.report(chosen, common.aws(spec.region()), clock, spec, common.environment(), environment);
        report = chosen.annotate(report);
        // the gate is judged before rendering, so the written report states the verdict the exit code acts on
        Optional<CostReport.Gate> gate = spend.failOver == null ? Optional.empty()
                : Optional.of(BudgetCheck.gate(report, spend.failOver, spend.forecast));
        if (gate.isPresent()) {
            report = report.withGate(gate.get());
        }
        output.write(output.format.render(report, output.output == null && common.color()), self.commandLine().getOut());
        PrintWriter err = self.commandLine().getErr();
        report.unavailable().forEach(u -> err.println("bella: warning: " + u));
        boolean over = gate.map(CostReport.Gate::over).orElse(false);
        gate.filter(CostReport.Gate::over).ifPresent(g -> err.println("bella: " + g.message()));
        err.flush();
        return over || !report.unavailable().isEmpty() ? ExitCode.POLICY_VIOLATION.code : ExitCode.OK.code;
    }

    private CostReport estimate(Spec given, Path compare) {
        Spec spec = given;
        if (spend.forecast || spend.from() != null) {
            throw new UserException(ExitCode.USAGE, "--forecast, --from and --to need an actual-spend source "
                    + "(--source aws, focus:FILE or cur:FILE)");
        }
        Optional<Spec> other = Optional.ofNullable(compare).map(p -> {
            if (!Files.isRegularFile(p)) {
                throw new UserException(ExitCode.USAGE, "--compare: spec not found: " + p);
            }
            return new SpecLoader().load(p);
        });
        EstimatePeriod period = spend.month() == null ? EstimatePeriod.averageMonth(clock) : EstimatePeriod.month(parseMonth());
        // with --ledger-url (and --twilio) the estimate prices the calls the service measured: the voice usage of
        // an average call comes from the ledger instead of the spec's assumptions, and says so
        Optional<String> measuredNote = Optional.empty();
        if (spend.ledgerUrl != null || spend.twilio) {
            MeasuredVoice measured = new MeasuredVoice(spend.thirdParty(environment), clock);
            Optional<VoiceUsage> voice = measured.voiceUsage();
            if (voice.isPresent()) {
                spec = spec.withVoiceUsage(voice.get());
            }
            measuredNote = Optional.of(measured.note());
        }
        CostReport report = priced.template != null
                ? new TemplateEstimator().estimate(spec, period, common.environment().map(List::of)
                        .orElse(List.copyOf(spec.environments().keySet())), TemplateOptions.read(priced.template, spec, common.environment()))
                : new EstimateReportService(new SpecLoader()).report(spec, period, common.environment(), other);
        if (measuredNote.isPresent()) {
            List<String> notes = new ArrayList<>(report.notes());
            notes.add(measuredNote.get());
            report = report.withNotes(notes);
        }
        return report;
    }

    private YearMonth parseMonth() {
        try {
            return YearMonth.parse(spend.month());
        } catch (DateTimeParseException e) {
            throw new UserException(ExitCode.USAGE, "--month: expected YYYY-MM such as 2026-12, found '" + spend.month() + "'");
        }
    }
}
