package dev.bella.cli;

import dev.bella.estimate.EstimatePeriod;
import dev.bella.estimate.EstimateReportService;
import dev.bella.report.CostReport;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Monthly spend by environment and category, cost per call, budget status, the roadmap",
                "projection and the comparison with the baseline."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost report",
                "  bella cost report --config configs/examples/baseline.yaml --format json",
                "  bella cost report --env prod --month 2026-12 --format markdown --output cost.md",
                "  bella cost report --compare configs/examples/baseline.yaml",
                "  bella cost report --source estimate --env prod --template cdk.out/prod"})
final class CostReportCommand implements Callable<Integer> {

    enum Source { estimate, aws, auto }

    @Mixin CommonOptions common;
    @Mixin OutputOptions output;
    @Mixin TemplateOptions templates;

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec self;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "auto",
            description = "estimate (offline: spec + price table), aws (Cost Explorer), or auto: aws when AWS "
                    + "credentials are configured, else estimate (default: ${DEFAULT-VALUE}).")
    Source source;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "Price this calendar month (UTC) instead of the average month (730 h).")
    String month;

    @Option(names = "--compare", paramLabel = "FILE",
            description = "Compare with another spec (default: the spec's baseline, when it names one).")
    Path compare;

    Clock clock = Clock.systemUTC();
    java.util.Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        ReportSource chosen = ReportSource.choose(source, environment);
        SpecResolver resolver = new SpecResolver(environment, Path.of(""));
        Spec spec = resolver.load(common);
        common.environment().ifPresent(e -> spec.environment(e).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "unknown environment '" + e + "'; the spec has " + String.join(", ", spec.environments().keySet()))));
        if (templates.given() && compare != null) {
            throw new UserException(ExitCode.USAGE, "--compare and --template do not go together: the comparison is "
                    + "between specs; price the other template in a second report");
        }
        Optional<Spec> other = Optional.ofNullable(compare).map(p -> {
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new UserException(ExitCode.USAGE, "--compare: spec not found: " + p);
            }
            return new SpecLoader().load(p);
        });
        EstimatePeriod period = month == null ? EstimatePeriod.averageMonth(clock) : EstimatePeriod.month(parseMonth());
        CostReport report = templates.given()
                ? new dev.bella.estimate.TemplateEstimator().estimate(spec, period, common.environment().map(java.util.List::of)
                        .orElse(java.util.List.copyOf(spec.environments().keySet())), templates.read(spec, common.environment()))
                : new EstimateReportService(new SpecLoader()).report(spec, period, common.environment(), other);
        report = chosen.annotate(report);
        output.write(output.format.render(report, output.output == null && common.color()), self.commandLine().getOut());
        return ExitCode.OK.code;
    }

    private YearMonth parseMonth() {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new UserException(ExitCode.USAGE, "--month: expected YYYY-MM such as 2026-12, found '" + month + "'");
        }
    }
}
