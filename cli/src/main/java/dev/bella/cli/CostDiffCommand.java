package dev.bella.cli;

import dev.bella.diff.BaseSpec;
import dev.bella.diff.CostDiff;
import dev.bella.diff.CostDiffService;
import dev.bella.diff.DiffException;
import dev.bella.diff.DiffFormat;
import dev.bella.diff.Threshold;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.report.render.ReportFormat;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;
import picocli.CommandLine;

@Command(name = "diff",
        description = {"What a change to the spec costs.",
                "The estimate at --base (a git ref or a spec file) and now, the difference per environment, category",
                "and line item.",
                "Offline; --format markdown for a pull-request comment. Exit 1: the increase is over",
                "--fail-over-increase; 2: a bad base, option or spec."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost diff --base origin/main --format markdown --output cost-diff.md",
                "  bella cost diff --base configs/examples/baseline.yaml",
                "  bella cost diff --base HEAD~1 --env prod --fail-over-increase 10%%"})
final class CostDiffCommand implements Callable<Integer>, OfferedValues.Refusing {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON, ReportFormat.MARKDOWN);
    }

    @Mixin CommonOptions common;
    @Mixin OutputOptions output;

    @CommandLine.Spec(Target.SELF)
    CommandSpec self;

    @Option(names = "--base", required = true, paramLabel = "GIT_REF|FILE",
            description = "The spec before the change: a spec file, or a git ref at which the --config file is read.")
    String base;

    @Option(names = "--fail-over-increase", paramLabel = "USD|PERCENT",
            description = "Exit 1 when the monthly total rises by more than this: dollars (25) or percent (10%%).")
    String failOver;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "This calendar month (UTC). Default: the average month.")
    String month;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        try {
            // the same constants: the parse refused the ones (csv, html) a diff does not write
            DiffFormat chosen = DiffFormat.valueOf(output.format.name());
            Optional<Threshold> threshold = Optional.ofNullable(failOver).map(Threshold::parse);
            Spec now = SpecResolver.fromEnvironment().load(common);
            BaseSpec.Loaded before = new BaseSpec(new SpecLoader(), Path.of("")).load(base, now);
            CostDiff diff = new CostDiffService().diff(before, now, period(), common.environment());
            output.write(chosen.render(diff), self.commandLine().getOut());
            Optional<String> over = threshold.flatMap(t -> t.violation(diff));
            over.ifPresent(o -> self.commandLine().getErr().println("bella: " + o));
            return over.isPresent() ? ExitCode.POLICY_VIOLATION.code : ExitCode.OK.code;
        } catch (DiffException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }

    private EstimatePeriod period() {
        try {
            return month == null ? EstimatePeriod.averageMonth(clock) : EstimatePeriod.month(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw new UserException(ExitCode.USAGE, "--month: expected YYYY-MM such as 2026-12, found '" + month + "'");
        }
    }
}
