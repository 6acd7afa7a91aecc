package dev.bella.cli;

import dev.bella.alarms.AlarmService;
import dev.bella.alarms.AlarmsJson;
import dev.bella.alarms.AwsAlarmAccount;
import dev.bella.alarms.Current;
import dev.bella.alarms.Desired;
import dev.bella.alarms.Listing;
import dev.bella.alarms.Plan;
import dev.bella.aws.AwsClients;
import dev.bella.report.render.ReportFormat;
import dev.bella.spec.Spec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

@Command(name = "alarms",
        description = {"Billing alarms and an AWS Budgets budget from the spec's budget.",
                "A CloudWatch alarm on AWS/Billing EstimatedCharges at each budget.alarm-at fraction of the monthly",
                "limit, an SNS topic with the budget.notify e-mails, and a budget with actual and forecast",
                "notifications. Always in us-east-1 (where billing metrics live), whatever --region says. Bella's",
                "resources are named bella-<project>-... and tagged bella:managed=true; nothing else is ever changed."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella cost alarms plan --profile billing",
                "  bella cost alarms apply --dry-run"})
final class CostAlarmsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserException(ExitCode.USAGE, "missing subcommand: plan, apply, list or delete (see 'bella cost alarms --help')");
    }

    /** Builds the clients, runs {@code work} with the service, and closes the clients. */
    static <T> T withService(CommonOptions common, Spec spec, Function<AlarmService, T> work) {
        AwsClients clients = new AwsClients(common.aws(spec.region()).inRegion(Region.US_EAST_1));
        try (CloudWatchClient cw = clients.create(CloudWatchClient.builder());
             SnsClient sns = clients.create(SnsClient.builder());
             BudgetsClient budgets = clients.create(BudgetsClient.builder());
             StsClient sts = clients.create(StsClient.builder())) {
            return work.apply(new AlarmService(new AwsAlarmAccount(cw, sns, budgets, sts)));
        }
    }

    static Spec spec(CommonOptions common) {
        return SpecResolver.fromEnvironment().load(common);
    }

    @Command(name = "plan",
            description = "Print what apply would create, update or delete; changes nothing.",
            footerHeading = "%nExamples:%n", footer = {"  bella cost alarms plan", "  bella cost alarms plan --profile billing",
                "  bella cost alarms plan --format json"})
    static final class PlanCommand implements Callable<Integer>, OfferedValues {

        @Override
        public Map<String, List<String>> offered() {
            return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON);
        }

        @Mixin CommonOptions common;
        @Mixin OutputOptions output;
        @CommandLine.Spec CommandSpec self;

        @Override
        public Integer call() {
            boolean json = json(output);
            Spec spec = spec(common);
            Desired desired = Desired.from(spec);
            Plan plan = withService(common, spec, s -> s.plan(desired));
            output.write(json ? AlarmsJson.plan(spec.project(), plan) : plan.render(), self.commandLine().getOut());
            if (!plan.conflicts().isEmpty()) {
                self.commandLine().getErr().println("bella: " + plan.conflicts().size() + " conflict(s) marked '!': apply "
                        + "would refuse and change nothing until they are resolved");
                return ExitCode.POLICY_VIOLATION.code;
            }
            return ExitCode.OK.code;
        }
    }

    @Command(name = "apply",
            description = {"Make the plan's changes (idempotent: a second apply finds nothing to do).",
                    "Refuses, changing nothing, when a Bella-named resource exists without the bella:managed tag."},
            footerHeading = "%nExamples:%n", footer = {"  bella cost alarms apply --dry-run", "  bella cost alarms apply"})
    static final class ApplyCommand implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--dry-run", description = "Print the plan and change nothing.") boolean dryRun;
        @CommandLine.Spec CommandSpec self;

        @Override
        public Integer call() {
            Spec spec = spec(common);
            Desired desired = Desired.from(spec);
            return change(common, spec, self, dryRun, (s, planned, done) -> s.apply(desired, dryRun, planned, done));
        }
    }

    @Command(name = "list",
            description = "List the project's Bella-named topic, alarms and budget, and whether Bella manages each.",
            footerHeading = "%nExamples:%n", footer = {"  bella cost alarms list", "  bella cost alarms list --format json"})
    static final class ListCommand implements Callable<Integer>, OfferedValues {

        @Override
        public Map<String, List<String>> offered() {
            return OutputOptions.formats(ReportFormat.TABLE, ReportFormat.JSON);
        }

        @Mixin CommonOptions common;
        @Mixin OutputOptions output;
        @CommandLine.Spec CommandSpec self;

        @Override
        public Integer call() {
            boolean json = json(output);
            Spec spec = spec(common);
            Current current = withService(common, spec, s -> s.list(spec.project()));
            output.write(json ? AlarmsJson.list(spec.project(), current) : Listing.render(spec.project(), current),
                    self.commandLine().getOut());
            return ExitCode.OK.code;
        }
    }

    @Command(name = "delete",
            description = {"Delete the alarms, budget and topic Bella manages for the project.",
                    "Those tagged bella:managed=true; other resources, even with a Bella-like name, are left alone."},
            footerHeading = "%nExamples:%n", footer = {"  bella cost alarms delete --dry-run", "  bella cost alarms delete"})
    static final class DeleteCommand implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--dry-run", description = "Print what would be deleted and change nothing.") boolean dryRun;
        @CommandLine.Spec CommandSpec self;

        @Override
        public Integer call() {
            Spec spec = spec(common);
            return change(common, spec, self, dryRun, (s, planned, done) -> s.delete(spec.project(), dryRun, planned, done));
        }
    }

    /** plan and list write table (the default) or json. */
    static boolean json(OutputOptions output) {
        if (output.format != ReportFormat.TABLE && output.format != ReportFormat.JSON) {
            throw new UserException(ExitCode.USAGE, "--format: cost alarms writes table or json");
        }
        return output.format == ReportFormat.JSON;
    }

    /** apply or delete with the service: it hands over the plan before changing anything, then each change made. */
    interface Change {
        Plan make(AlarmService service, Consumer<Plan> planned, Consumer<String> done);
    }

    /** apply and delete: the plan printed before the changes, each change as it is made, then what came of it. */
    static int change(CommonOptions common, Spec spec, CommandSpec self, boolean dryRun, Change change) {
        PrintWriter out = self.commandLine().getOut();
        Plan plan = withService(common, spec, s -> change.make(s, p -> out.print(p.render()), line -> out.println("  " + line)));
        out.println(dryRun ? "Dry run: nothing changed." : plan.hasChanges() ? "Done: " + plan.toMake().size()
                + " change(s) made." : "Nothing to change.");
        out.flush();
        return ExitCode.OK.code;
    }
}
