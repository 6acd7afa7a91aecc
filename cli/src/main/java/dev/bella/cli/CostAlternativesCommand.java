package dev.bella.cli;

import dev.bella.alternatives.AlternativesException;
import dev.bella.alternatives.AlternativesFormat;
import dev.bella.alternatives.AlternativesReport;
import dev.bella.alternatives.AlternativesService;
import dev.bella.alternatives.Area;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.report.render.ReportFormat;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.time.Clock;
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

@Command(name = "alternatives",
        description = {"The seed's technology alternatives, priced and ranked by saving.",
                "For one environment, with the same usage, schedule and price tables: database, compute, ingress,",
                "cache, region (and a DR region), speech and language; each with its risks against 3 s responses,",
                "99.9%% availability and call quality."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost alternatives",
                "  bella cost alternatives --only database --format json",
                "  bella cost alternatives --config configs/examples/baseline.yaml \\",
                "      --format markdown",
                "  bella cost alternatives --only ingress --diff"})
final class CostAlternativesCommand implements Callable<Integer>, OfferedValues.Refusing {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML);
    }

    @Mixin CommonOptions common;
    @Mixin OutputOptions output;

    @CommandLine.Spec(Target.SELF)
    CommandSpec self;

    @Option(names = "--only", paramLabel = "AREA", description = "Only this area: database, compute, ingress, cache, "
            + "region or speech-and-language (the seed's table needs them all).")
    String only;

    @Option(names = "--diff", description = "Also print the spec change of each alternative the spec can express.")
    boolean diff;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        try {
            // the same constants: the parse refused the one (csv) the comparison does not write
            AlternativesFormat chosen = AlternativesFormat.valueOf(output.format.name());
            Optional<Area> area = Optional.ofNullable(only).map(Area::parse);
            Spec spec = SpecResolver.fromEnvironment().load(common);
            AlternativesReport report = new AlternativesService(new SpecLoader())
                    .compare(spec, EstimatePeriod.averageMonth(clock), common.environment(), area, diff);
            output.write(chosen.render(report), self.commandLine().getOut());
            return ExitCode.OK.code;
        } catch (AlternativesException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }
}
