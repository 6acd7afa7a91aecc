package dev.bella.alarms;

import dev.bella.alarms.Plan.Change;
import dev.bella.alarms.Plan.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * `bella cost alarms`: read the account, diff it with the spec ({@link Planner}), and make exactly that
 * diff. Nothing is changed when the plan has a conflict, so a half-applied plan never needs explaining.
 */
public final class AlarmService {

    private final AwsAlarmAccount account;

    public AlarmService(AwsAlarmAccount account) {
        this.account = account;
    }

    public Plan plan(Desired d) {
        requireBillingAlerts();
        Plan plan = Planner.converge(d, read(d.project()));
        refuseBrokenLimits(d, plan);
        return plan;
    }

    /**
     * Makes the plan's changes in order (topic before the alarms that notify it): the plan goes to
     * {@code planned} first, then each change to {@code done} as it completes; with {@code dryRun}, none is made.
     */
    public Plan apply(Desired d, boolean dryRun, Consumer<Plan> planned, Consumer<String> done) {
        requireBillingAlerts();
        Current current = read(d.project());
        Plan plan = Planner.converge(d, current);
        refuseConflicts(plan);
        refuseBrokenLimits(d, plan);
        planned.accept(plan);
        if (!dryRun) {
            execute(plan, current, d.project(), Planner.topicArn(d, current), done);
        }
        return plan;
    }

    public Current list(String project) {
        return read(project);
    }

    public Plan delete(String project, boolean dryRun, Consumer<Plan> planned, Consumer<String> done) {
        Current current = read(project);
        Plan plan = Planner.teardown(project, current);
        planned.accept(plan);
        if (!dryRun) {
            execute(plan, current, project, "", done);
        }
        return plan;
    }

    private Current read(String project) {
        return account.read(project, Desired.topicName(project), Desired.budgetName(project));
    }

    private void requireBillingAlerts() {
        if (!account.billingMetricExists()) {
            throw new AlarmsException(AlarmsException.Reason.BILLING_ALERTS_DISABLED, "billing alerts are not enabled "
                    + "for this account: CloudWatch has no AWS/Billing EstimatedCharges metric in us-east-1. Fix: as the "
                    + "management (payer) account, open Billing and Cost Management > Billing preferences > Alert "
                    + "preferences, turn on 'Receive CloudWatch billing alerts', wait about 15 minutes, then run again");
        }
    }

    private static void refuseConflicts(Plan plan) {
        List<Change> conflicts = plan.conflicts();
        if (!conflicts.isEmpty()) {
            List<String> what = new ArrayList<>();
            conflicts.forEach(c -> what.add(c.kind().word + " " + c.name() + " (" + c.detail() + ")"));
            throw new AlarmsException(AlarmsException.Reason.CONFLICT, "nothing changed: " + String.join("; ", what));
        }
    }

    private static void refuseBrokenLimits(Desired d, Plan plan) {
        List<String> broken = Limits.broken(d, plan);
        if (!broken.isEmpty()) {
            throw new AlarmsException(AlarmsException.Reason.CONFIG, "nothing changed: " + String.join("; ", broken));
        }
    }

    private void execute(Plan plan, Current current, String project, String expectedTopicArn, Consumer<String> done) {
        String topicArn = expectedTopicArn;
        for (Change c : plan.toMake()) {
            switch (c.op()) {
                case Op.None none -> {
                }
                case Op.CreateTopic t -> topicArn = account.createTopic(t.name(), project);
                case Op.Subscribe s -> account.subscribe(topicArn, s.email());
                case Op.Unsubscribe u -> account.unsubscribe(u.subscriptionArn());
                case Op.PutAlarm p -> {
                    String actual = topicArn;
                    account.putAlarm(p.alarm(), p.actions().stream().map(a -> a.equals(expectedTopicArn) ? actual : a)
                            .toList(), project);
                }
                case Op.DeleteAlarm a -> account.deleteAlarms(List.of(a.name()));
                case Op.CreateBudget b -> account.createBudget(current.account(), b.budget(), project);
                case Op.UpdateBudget b -> account.updateBudget(current.account(), b.budget());
                case Op.CreateNotification n -> account.createNotification(current.account(), n.budget(), n.notification(),
                        n.emails());
                case Op.ChangeSubscribers n -> n.steps().forEach(s -> {
                    if (s.add()) {
                        account.createSubscriber(current.account(), n.budget(), n.notification(), s.email());
                    } else {
                        account.deleteSubscriber(current.account(), n.budget(), n.notification(), s.email());
                    }
                });
                case Op.DeleteNotification n -> account.deleteNotification(current.account(), n.budget(), n.notification());
                case Op.DeleteBudget b -> account.deleteBudget(current.account(), b.name());
                case Op.DeleteTopic t -> account.deleteTopic(t.arn());
            }
            done.accept(c.action().word + "d " + c.kind().word + " " + c.name());
        }
    }
}
