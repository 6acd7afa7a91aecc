package dev.bella.alarms;

import dev.bella.alarms.Plan.Change;
import dev.bella.alarms.Plan.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS service limits a plan must keep, checked before apply's first write: a call refused half-way through
 * would leave the account partly built. The spec loader rejects a spec over these limits already; this is for
 * whatever reaches the service another way, and for the limits only the plan shows.
 */
final class Limits {

    /** AWS Budgets: notifications per budget. */
    static final int NOTIFICATIONS_PER_BUDGET = 10;
    /** AWS Budgets: e-mail subscribers per notification. */
    static final int EMAILS_PER_NOTIFICATION = 10;
    /** CloudWatch: actions per alarm state. */
    static final int ACTIONS_PER_ALARM = 5;
    /** AWS Budgets: budget name length. */
    static final int BUDGET_NAME_LENGTH = 100;
    /** CloudWatch: alarm name length. */
    static final int ALARM_NAME_LENGTH = 255;

    private Limits() {
    }

    /** Every limit the desired state or the plan would break, as one message each; empty when none. */
    static List<String> broken(Desired d, Plan plan) {
        List<String> out = new ArrayList<>();
        if (d.budget().notifications().size() > NOTIFICATIONS_PER_BUDGET) {
            out.add("budget " + d.budget().name() + " would have " + d.budget().notifications().size()
                    + " notifications; AWS Budgets allows " + NOTIFICATIONS_PER_BUDGET + " (budget.alarm-at has at most 9)");
        }
        if (d.budget().emails().size() > EMAILS_PER_NOTIFICATION) {
            out.add("budget notifications would have " + d.budget().emails().size() + " e-mail subscribers; AWS Budgets "
                    + "allows " + EMAILS_PER_NOTIFICATION + " (list an SNS topic ARN in budget.notify for more)");
        }
        if (d.budget().name().length() > BUDGET_NAME_LENGTH) {
            out.add("budget name " + d.budget().name() + " is longer than AWS Budgets' " + BUDGET_NAME_LENGTH
                    + " characters; use a shorter project name");
        }
        for (String topic : d.topicArns()) {
            String[] arn = topic.split(":", 6);
            if (arn.length < 6 || !arn[3].equals(Planner.BILLING_REGION)) {
                out.add("budget.notify topic " + topic + " is not in " + Planner.BILLING_REGION + "; a billing alarm (always "
                        + "in " + Planner.BILLING_REGION + ") can only notify a topic in its own region");
            }
        }
        for (Change c : plan.toMake()) {
            if (c.op() instanceof Op.PutAlarm p) {
                if (p.actions().size() > ACTIONS_PER_ALARM) {
                    out.add("alarm " + p.alarm().name() + " would have " + p.actions().size() + " actions; CloudWatch allows "
                            + ACTIONS_PER_ALARM + " (Bella's topic and at most 4 topic ARNs in budget.notify)");
                }
                if (p.alarm().name().length() > ALARM_NAME_LENGTH) {
                    out.add("alarm name " + p.alarm().name() + " is longer than CloudWatch's " + ALARM_NAME_LENGTH
                            + " characters; use a shorter project name");
                }
            }
        }
        return out;
    }
}
