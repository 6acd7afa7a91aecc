package dev.bella.alarms;

import dev.bella.alarms.Current.Alarm;
import dev.bella.alarms.Current.BudgetState;
import dev.bella.alarms.Current.NotificationState;
import dev.bella.alarms.Current.Subscription;
import dev.bella.alarms.Current.Topic;
import dev.bella.alarms.Desired.AlarmDefinition;
import dev.bella.alarms.Desired.BudgetDefinition;
import dev.bella.alarms.Plan.Action;
import dev.bella.alarms.Plan.Change;
import dev.bella.alarms.Plan.Kind;
import dev.bella.alarms.Plan.Op;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The diff, with no AWS calls: the same inputs always give the same plan, which is what makes apply
 * idempotent (the state one apply leaves plans to nothing). Only tagged resources are ever updated or
 * deleted; an untagged one with a Bella name is a conflict, never overwritten.
 */
final class Planner {

    static final String BILLING_REGION = "us-east-1";

    private Planner() {
    }

    static String topicArn(Desired d, Current c) {
        return c.topic().map(Topic::arn).orElse("arn:" + c.partition() + ":sns:" + BILLING_REGION + ":" + c.account()
                + ":" + d.topicName());
    }

    /**
     * The plan's lines in the order apply makes them: additions and updates first, then removals, then the new
     * notifications that had to wait for room (AWS Budgets allows 10 a budget). A failure part-way therefore leaves
     * the account with more than it had, never with less.
     */
    private record Steps(List<Change> first, List<Change> removals, List<Change> last) {
        Steps() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        List<Change> all() {
            List<Change> all = new ArrayList<>(first);
            all.addAll(removals);
            all.addAll(last);
            return all;
        }
    }

    static Plan converge(Desired d, Current c) {
        Steps out = new Steps();
        String topicArn = topicArn(d, c);
        topic(d, c, out);
        alarms(d, c, topicArn, out);
        budget(d, c, out);
        return new Plan(out.all());
    }

    /** Everything Bella manages for the project goes; foreign resources are listed as left alone. */
    static Plan teardown(String project, Current c) {
        List<Change> out = new ArrayList<>();
        for (Alarm a : c.alarms()) {
            out.add(a.managed() ? new Change(Action.DELETE, Kind.ALARM, a.name(), "", new Op.DeleteAlarm(a.name()))
                    : new Change(Action.KEEP, Kind.ALARM, a.name(), notOurs(project), new Op.None()));
        }
        c.budget().ifPresent(b -> out.add(b.managed()
                ? new Change(Action.DELETE, Kind.BUDGET, b.name(), "with its " + b.notifications().size()
                + " notification(s)", new Op.DeleteBudget(b.name()))
                : new Change(Action.KEEP, Kind.BUDGET, b.name(), notOurs(project), new Op.None())));
        c.topic().ifPresent(t -> out.add(t.managed()
                ? new Change(Action.DELETE, Kind.TOPIC, name(t.arn()), "with its " + t.subscriptions().size()
                + " subscription(s)", new Op.DeleteTopic(t.arn()))
                : new Change(Action.KEEP, Kind.TOPIC, name(t.arn()), notOurs(project), new Op.None())));
        return new Plan(out);
    }

    private static void topic(Desired d, Current c, Steps steps) {
        List<Change> out = steps.first();
        if (c.topic().isEmpty()) {
            out.add(new Change(Action.CREATE, Kind.TOPIC, d.topicName(), "SNS topic in " + BILLING_REGION
                    + " for the alarms", new Op.CreateTopic(d.topicName())));
            d.emails().forEach(e -> out.add(new Change(Action.CREATE, Kind.SUBSCRIPTION, e, "e-mail (the recipient "
                    + "must confirm)", new Op.Subscribe(e))));
            return;
        }
        Topic t = c.topic().get();
        if (!t.managed()) {
            out.add(new Change(Action.CONFLICT, Kind.TOPIC, d.topicName(), conflict(d.project()), new Op.None()));
            return;
        }
        out.add(new Change(Action.UNCHANGED, Kind.TOPIC, d.topicName(), "", new Op.None()));
        Set<String> wanted = new TreeSet<>(d.emails());
        for (Subscription s : t.subscriptions()) {
            if (!s.protocol().equals("email")) {
                out.add(new Change(Action.KEEP, Kind.SUBSCRIPTION, s.endpoint(), s.protocol() + " (not from the spec)",
                        new Op.None()));
            } else if (wanted.remove(s.endpoint())) {
                out.add(new Change(Action.UNCHANGED, Kind.SUBSCRIPTION, s.endpoint(), s.pending()
                        ? "pending confirmation" : "confirmed", new Op.None()));
            } else if (s.pending()) {
                // SNS cannot unsubscribe an address before it confirms; it drops it after three days
                out.add(new Change(Action.KEEP, Kind.SUBSCRIPTION, s.endpoint(), "not in the spec, pending confirmation:"
                        + " SNS removes it after 3 days unconfirmed", new Op.None()));
            } else {
                steps.removals().add(new Change(Action.DELETE, Kind.SUBSCRIPTION, s.endpoint(), "not in budget.notify",
                        new Op.Unsubscribe(s.arn())));
            }
        }
        wanted.forEach(e -> out.add(new Change(Action.CREATE, Kind.SUBSCRIPTION, e, "e-mail (the recipient must confirm)",
                new Op.Subscribe(e))));
    }

    private static void alarms(Desired d, Current c, String topicArn, Steps steps) {
        List<Change> out = steps.first();
        List<String> actions = new ArrayList<>();
        actions.add(topicArn);
        actions.addAll(d.topicArns());
        Set<String> desiredNames = new HashSet<>();
        for (AlarmDefinition a : d.alarms()) {
            desiredNames.add(a.name());
            String what = "EstimatedCharges >= $" + a.threshold().toPlainString() + " (" + Desired.percent(a.fraction())
                    + "% of $" + d.budget().limit().toPlainString() + ")";
            Optional<Alarm> existing = c.alarm(a.name());
            if (existing.isEmpty()) {
                out.add(new Change(Action.CREATE, Kind.ALARM, a.name(), what, new Op.PutAlarm(a, actions)));
            } else if (!existing.get().managed()) {
                out.add(new Change(Action.CONFLICT, Kind.ALARM, a.name(), conflict(d.project()), new Op.None()));
            } else {
                List<String> diffs = differences(existing.get(), a, actions);
                out.add(diffs.isEmpty() ? new Change(Action.UNCHANGED, Kind.ALARM, a.name(), what, new Op.None())
                        : new Change(Action.UPDATE, Kind.ALARM, a.name(), String.join("; ", diffs),
                        new Op.PutAlarm(a, actions)));
            }
        }
        for (Alarm a : c.alarms()) {
            if (!desiredNames.contains(a.name())) {
                if (a.managed()) {
                    steps.removals().add(new Change(Action.DELETE, Kind.ALARM, a.name(), "no longer in budget.alarm-at",
                            new Op.DeleteAlarm(a.name())));
                } else {
                    out.add(new Change(Action.KEEP, Kind.ALARM, a.name(), notOurs(d.project()), new Op.None()));
                }
            }
        }
    }

    private static List<String> differences(Alarm now, AlarmDefinition want, List<String> actions) {
        List<String> d = new ArrayList<>();
        if (now.threshold().compareTo(want.threshold()) != 0) {
            d.add("threshold $" + money(now.threshold()) + " -> $" + want.threshold().toPlainString());
        }
        diff(d, "namespace", now.namespace(), AlarmDefinition.NAMESPACE);
        diff(d, "metric", now.metric(), AlarmDefinition.METRIC);
        if (!now.dimensions().equals(Map.of("Currency", "USD"))) {
            d.add("dimensions " + new TreeMap<>(now.dimensions()) + " -> {Currency=USD}");
        }
        diff(d, "statistic", now.statistic(), AlarmDefinition.STATISTIC);
        diff(d, "period", now.period() + "s", AlarmDefinition.PERIOD_SECONDS + "s");
        diff(d, "evaluation periods", String.valueOf(now.evaluationPeriods()),
                String.valueOf(AlarmDefinition.EVALUATION_PERIODS));
        diff(d, "comparison", now.comparison(), AlarmDefinition.COMPARISON);
        diff(d, "missing data", now.missingData(), AlarmDefinition.MISSING_DATA);
        diff(d, "actions", new TreeSet<>(now.actions()).toString(), new TreeSet<>(actions).toString());
        // an alarm whose actions are disabled still changes state but notifies no one
        diff(d, "actions enabled", String.valueOf(now.actionsEnabled()), "true");
        diff(d, "OK/insufficient-data actions", new TreeSet<>(now.otherActions()).toString(), "[]");
        if (now.unit() != null) {
            d.add("unit " + now.unit() + " -> none");
        }
        if (now.datapoints() != null && now.datapoints() != AlarmDefinition.EVALUATION_PERIODS) {
            d.add("datapoints to alarm " + now.datapoints() + " -> " + AlarmDefinition.EVALUATION_PERIODS);
        }
        diff(d, "description", now.description(), want.description());
        return d;
    }

    private static void budget(Desired d, Current c, Steps steps) {
        List<Change> out = steps.first();
        BudgetDefinition want = d.budget();
        String what = "monthly cost budget, $" + want.limit().toPlainString();
        if (c.budget().isEmpty()) {
            out.add(new Change(Action.CREATE, Kind.BUDGET, want.name(), what, new Op.CreateBudget(want)));
            want.notifications().forEach(n -> out.add(new Change(Action.CREATE, Kind.NOTIFICATION, n.label(),
                    "to " + String.join(", ", want.emails()), new Op.CreateNotification(want.name(), n, want.emails()))));
            return;
        }
        BudgetState b = c.budget().get();
        if (!b.managed()) {
            out.add(new Change(Action.CONFLICT, Kind.BUDGET, want.name(), conflict(d.project()), new Op.None()));
            return;
        }
        boolean same = b.limit().compareTo(want.limit()) == 0 && b.unit().equals("USD") && b.timeUnit().equals("MONTHLY")
                && b.budgetType().equals("COST");
        out.add(same ? new Change(Action.UNCHANGED, Kind.BUDGET, want.name(), what, new Op.None())
                : new Change(Action.UPDATE, Kind.BUDGET, want.name(), "limit " + money(b.limit()) + " " + b.unit() + " "
                + b.timeUnit() + " -> " + want.limit().toPlainString() + " USD MONTHLY", new Op.UpdateBudget(want)));
        List<NotificationState> left = new ArrayList<>(b.notifications());
        List<Change> creates = new ArrayList<>();
        String to = "to " + String.join(", ", want.emails());
        for (BudgetDefinition.Notification n : want.notifications()) {
            Optional<NotificationState> match = left.stream().filter(s -> s.kind().equals(n.kind().name())
                    && s.percent().compareTo(n.percent()) == 0 && s.comparison().equals("GREATER_THAN")
                    && s.thresholdType().equals("PERCENTAGE")).findFirst();
            if (match.isEmpty()) {
                creates.add(new Change(Action.CREATE, Kind.NOTIFICATION, n.label(), to,
                        new Op.CreateNotification(want.name(), n, want.emails())));
                continue;
            }
            left.remove(match.get());
            if (match.get().emails().equals(Set.copyOf(want.emails()))) {
                out.add(new Change(Action.UNCHANGED, Kind.NOTIFICATION, n.label(), to, new Op.None()));
            } else {
                subscribers(want, n, match.get(), steps);
            }
        }
        for (NotificationState s : left) {
            steps.removals().add(new Change(Action.DELETE, Kind.NOTIFICATION, s.kind().toLowerCase(Locale.ROOT) + " "
                    + s.comparison() + " " + s.percent().stripTrailingZeros().toPlainString()
                    + (s.thresholdType().equals("PERCENTAGE") ? "%" : " USD"), "not in the spec",
                    new Op.DeleteNotification(want.name(), s)));
        }
        int room = Math.max(0, Limits.NOTIFICATIONS_PER_BUDGET - b.notifications().size());
        out.addAll(creates.subList(0, Math.min(room, creates.size())));
        steps.last().addAll(creates.subList(Math.min(room, creates.size()), creates.size()));
    }

    /**
     * In place, never by re-creating the notification: each address is added while the notification has room for
     * it (10 e-mail subscribers), else one old one is removed first; the additions that fit come with the plan's
     * additions, the rest with its removals. The count never drops to zero on the way, which matters because
     * AWS Budgets deletes a notification together with its last subscriber.
     */
    private static void subscribers(BudgetDefinition want, BudgetDefinition.Notification n, NotificationState now,
                                    Steps steps) {
        List<String> add = want.emails().stream().filter(e -> !now.emails().contains(e)).sorted().toList();
        List<String> remove = now.emails().stream().filter(e -> !want.emails().contains(e)).sorted().toList();
        List<Op.SubscriberStep> first = new ArrayList<>();
        List<Op.SubscriberStep> rest = new ArrayList<>();
        int count = now.emails().size();
        int added = 0;
        int removed = 0;
        while (added < add.size() || removed < remove.size()) {
            boolean addNow = added < add.size() && count < Limits.EMAILS_PER_NOTIFICATION;
            Op.SubscriberStep step = addNow ? new Op.SubscriberStep(true, add.get(added++))
                    : new Op.SubscriberStep(false, remove.get(removed++));
            count += addNow ? 1 : -1;
            (addNow && removed == 0 ? first : rest).add(step);
        }
        String change = "subscribers " + new TreeSet<>(now.emails()) + " -> " + new TreeSet<>(want.emails()) + ": ";
        if (!first.isEmpty()) {
            steps.first().add(new Change(Action.UPDATE, Kind.NOTIFICATION, n.label(), change + describe(first),
                    new Op.ChangeSubscribers(want.name(), now, first)));
        }
        if (!rest.isEmpty()) {
            steps.removals().add(new Change(Action.UPDATE, Kind.NOTIFICATION, n.label(), change + describe(rest),
                    new Op.ChangeSubscribers(want.name(), now, rest)));
        }
    }

    /** "add a, b" or "remove c" or, when the notification is full, "remove c, add a, ...". */
    private static String describe(List<Op.SubscriberStep> steps) {
        if (steps.stream().allMatch(Op.SubscriberStep::add) || steps.stream().noneMatch(Op.SubscriberStep::add)) {
            return (steps.getFirst().add() ? "add " : "remove ") + String.join(", ",
                    steps.stream().map(Op.SubscriberStep::email).toList());
        }
        return String.join(", ", steps.stream().map(s -> (s.add() ? "add " : "remove ") + s.email()).toList());
    }

    private static String notOurs(String project) {
        return "not this project's (lacks the tags " + Desired.tags(project) + ")";
    }

    private static String conflict(String project) {
        return "exists without the tags " + Desired.tags(project) + "; rename or delete it, or add the tags to hand it over";
    }

    private static void diff(List<String> out, String what, String now, String want) {
        if (!java.util.Objects.equals(now, want)) {
            out.add(what + " " + now + " -> " + want);
        }
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
