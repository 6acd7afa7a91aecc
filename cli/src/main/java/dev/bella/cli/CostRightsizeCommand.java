package dev.bella.cli;

import java.util.Map;
import java.util.List;
import dev.bella.aws.AwsClients;
import dev.bella.report.render.ReportFormat;
import dev.bella.rightsize.LiveTargets;
import dev.bella.rightsize.RightsizeOptions;
import dev.bella.rightsize.RightsizeRenderer;
import dev.bella.rightsize.RightsizeReport;
import dev.bella.rightsize.RightsizeService;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "rightsize",
        description = {"Recommends the cheapest size with headroom for the service, database and cache.",
                "The ECS service, the RDS instance and the ElastiCache node, from their utilization over a lookback;",
                "savings per month from the price table.",
                "Nothing is changed in AWS: --apply edits the spec, `bella stack deploy` rolls it out."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost rightsize --metrics configs/examples/metrics-seed-case.csv \\",
                "      --config configs/examples/baseline.yaml",
                "  bella cost rightsize --env prod --lookback 30d --format json",
                "  bella cost rightsize --metrics metrics.json --diff",
                "  bella cost rightsize --metrics metrics.json --apply"})
final class CostRightsizeCommand implements Callable<Integer>, OfferedValues {

    @Override
    public Map<String, List<String>> offered() {
        return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON);
    }


    @Mixin CommonOptions common;
    @Mixin OutputOptions output;

    @Option(names = "--metrics", paramLabel = "FILE", description = "Read utilization from a CSV or JSON file instead of CloudWatch.")
    Path metrics;

    @Option(names = "--lookback", paramLabel = "DAYS", defaultValue = "14d", description = "How far back to look, 1d-93d (default: ${DEFAULT-VALUE}).")
    String lookback;

    @Option(names = "--headroom", paramLabel = "PERCENT", defaultValue = "20", description = "Spare capacity above the demand (default: ${DEFAULT-VALUE}).")
    BigDecimal headroom;

    @Option(names = "--allow-family-change", description = "RDS/ElastiCache: may recommend another family (e.g. t3 to t4g).")
    boolean allowFamilyChange;

    @Option(names = "--cluster", paramLabel = "NAME", description = "ECS cluster (default: <project>-<env>).")
    String cluster;

    @Option(names = "--service", paramLabel = "NAME", description = "ECS service (default: <project>-<env>).")
    String service;

    @Option(names = "--db-instance", paramLabel = "ID", description = "RDS instance identifier (default: <project>-<env>).")
    String dbInstance;

    @Option(names = "--cache-cluster", paramLabel = "ID", description = "ElastiCache cluster id (default: <project>-<env>).")
    String cacheCluster;

    @Option(names = "--compare-compute-optimizer", description = "Show AWS Compute Optimizer's recommendation for the service beside Bella's.")
    boolean compareComputeOptimizer;

    @Option(names = "--diff", description = "Print the change to the spec as a unified diff instead of the report.")
    boolean diff;

    @Option(names = "--apply", description = "Write the recommendations into the spec file, changing only those values.")
    boolean apply;

    @CommandLine.Spec
    CommandSpec self;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        if (output.format != ReportFormat.TABLE && output.format != ReportFormat.JSON) {
            throw new UserException(ExitCode.USAGE, "--format: rightsize writes table or json");
        }
        Spec spec = SpecResolver.fromEnvironment().load(common);
        Environment env = environment(spec);
        RightsizeOptions options = new RightsizeOptions(headroom(), lookback(), allowFamilyChange);
        RightsizeService rightsizing = new RightsizeService(clock);
        java.io.PrintWriter err = self.commandLine().getErr();
        LiveTargets targets = LiveTargets.defaults(spec.project(), env.name(), env.cache() instanceof dev.bella.spec.Cache.Redis)
                .with(cluster, service, dbInstance, cacheCluster);
        AwsClients aws = metrics == null || compareComputeOptimizer ? new AwsClients(common.aws(spec.region())) : null;
        RightsizeReport report = metrics != null ? rightsizing.fromFile(spec, env, metrics, options)
                : rightsizing.live(spec, env, targets, aws, options, ProgressBar.forTerminal(err));
        if (compareComputeOptimizer) {
            report = rightsizing.compareWithComputeOptimizer(report, targets, aws);
        }
        if (diff || apply) {
            RightsizeService.SpecEdit edit = rightsizing.edit(spec, report);
            edit.edited().notes().forEach(n -> err.println("bella: note: " + n));
            if (apply) {
                err.println("bella: " + edit.apply());
            }
            if (diff) {
                if (!edit.edited().changed()) {
                    err.println("bella: the spec needs no change");
                }
                output.write(edit.diff(), self.commandLine().getOut());
                return ExitCode.OK.code;
            }
        }
        output.write(output.format == ReportFormat.JSON ? RightsizeRenderer.json(report) : RightsizeRenderer.table(report),
                self.commandLine().getOut());
        return ExitCode.OK.code;
    }

    private Environment environment(Spec spec) {
        String name = common.environment().orElse(spec.environments().containsKey("prod") ? "prod"
                : spec.environments().firstKey());
        return spec.environment(name).orElseThrow(() -> new UserException(ExitCode.USAGE, "unknown environment '" + name
                + "'; the spec has " + String.join(", ", spec.environments().keySet())));
    }

    private Duration lookback() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,3})d").matcher(lookback);
        int days = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (days < 1 || days > 93) {
            throw new UserException(ExitCode.USAGE, "--lookback: expected 1d to 93d (CloudWatch keeps 1-minute data 15 days, "
                    + "5-minute 63 days, hourly 455 days), found '" + lookback + "'");
        }
        return Duration.ofDays(days);
    }

    private BigDecimal headroom() {
        if (headroom.signum() < 0 || headroom.compareTo(BigDecimal.valueOf(200)) > 0) {
            throw new UserException(ExitCode.USAGE, "--headroom: expected a percentage from 0 to 200, found " + headroom.toPlainString());
        }
        return headroom;
    }
}
