package dev.bella.cli;

import java.util.Map;
import java.util.List;
import dev.bella.aws.AwsClients;
import dev.bella.commitments.CommitmentsQuery;
import dev.bella.commitments.CommitmentsRenderer;
import dev.bella.commitments.CommitmentsReport;
import dev.bella.commitments.CommitmentsService;
import dev.bella.report.render.ReportFormat;
import dev.bella.rightsize.RightsizeService;
import dev.bella.spec.Spec;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

@Command(name = "commitments",
        description = {"Reserved-instance and Savings Plans coverage, utilization and what to buy.",
                "Coverage and utilization over a lookback, what to buy (upfront, monthly cost, saving, break-even month,",
                "risks), commitments expiring in the next 60 days, and the spec's commitments matched to what is held.",
                "Changes nothing in AWS."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost commitments",
                "  bella cost commitments --lookback 60d --term 3y --payment partial-upfront \\",
                "      --format markdown",
                "  # exit 1 under the spec's budget.targets.commitment-coverage:",
                "  bella cost commitments --fail-under",
                "  bella cost commitments --env prod --diff"})
final class CostCommitmentsCommand implements Callable<Integer>, OfferedValues {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON, ReportFormat.MARKDOWN);
    }


    @Mixin CommonOptions common;
    @Mixin OutputOptions output;
    @Mixin CommitmentsOptions options;

    @CommandLine.Spec
    CommandSpec self;

    Clock clock = Clock.systemUTC();
    Duration backoff = Duration.ofSeconds(1);

    @Override
    public Integer call() {
        if (output.format != ReportFormat.TABLE && output.format != ReportFormat.JSON && output.format != ReportFormat.MARKDOWN) {
            throw new UserException(ExitCode.USAGE, "--format: commitments writes table, json or markdown");
        }
        Spec spec = SpecResolver.fromEnvironment().load(common);
        CommitmentsQuery q = options.query(spec, common.environment(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        CommitmentsService.Result result;
        try (CommitmentsService service = CommitmentsService.of(new AwsClients(common.aws(spec.region())), backoff)) {
            result = service.run(spec, q);
        }
        PrintWriter err = self.commandLine().getErr();
        if (options.diff || options.apply) {
            return options.edit(RightsizeService.edit(spec, result.changes()), output, self.commandLine().getOut(), err);
        }
        CommitmentsReport r = result.report();
        output.write(switch (output.format) {
            case JSON -> CommitmentsRenderer.json(r);
            case MARKDOWN -> CommitmentsRenderer.markdown(r);
            default -> CommitmentsRenderer.table(r);
        }, self.commandLine().getOut());
        r.unavailable().forEach(u -> err.println("bella: warning: " + u));
        boolean fails = options.failUnder && r.belowTarget();
        if (fails) {
            err.println("bella: " + CommitmentsRenderer.verdict(r));
        }
        err.flush();
        return fails || !r.unavailable().isEmpty() ? ExitCode.POLICY_VIOLATION.code : ExitCode.OK.code;
    }
}
