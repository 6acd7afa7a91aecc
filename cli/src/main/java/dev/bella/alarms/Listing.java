package dev.bella.alarms;

import dev.bella.alarms.Current.Alarm;
import java.math.RoundingMode;

/** `bella cost alarms list`: what exists under the project's Bella names, managed or not. */
public final class Listing {

    private Listing() {
    }

    public static String render(String project, Current c) {
        StringBuilder out = new StringBuilder();
        out.append("Account ").append(c.account()).append(", project '").append(project).append("' (names starting ")
                .append(Desired.prefix(project)).append(", billing region us-east-1)\n");
        out.append(c.topic().map(t -> "topic   " + t.arn() + managed(project, t.managed()) + "\n" + t.subscriptions().stream()
                .map(s -> "  " + s.protocol() + " " + s.endpoint() + (s.pending() ? " (pending confirmation)" : " (confirmed)")
                        + "\n").reduce("", String::concat))
                .orElse("topic   " + Desired.topicName(project) + ": none\n"));
        if (c.alarms().isEmpty()) {
            out.append("alarms  none\n");
        }
        for (Alarm a : c.alarms()) {
            out.append("alarm   ").append(a.name()).append("  ").append(a.state()).append("  ")
                    .append(a.metric() == null ? "(metric math)" : a.metric())
                    .append(" >= $").append(a.threshold().setScale(2, RoundingMode.HALF_UP).toPlainString())
                    .append(a.actionsEnabled() ? "" : "  (actions disabled: notifies no one)")
                    .append(managed(project, a.managed())).append('\n');
        }
        out.append(c.budget().map(b -> "budget  " + b.name() + "  " + b.limit().setScale(2, RoundingMode.HALF_UP)
                .toPlainString() + " " + b.unit() + " " + b.timeUnit() + managed(project, b.managed()) + "\n" + b.notifications()
                .stream().map(n -> "  " + n.kind().toLowerCase(java.util.Locale.ROOT) + " > "
                        + n.percent().stripTrailingZeros().toPlainString() + ("PERCENTAGE".equals(n.thresholdType()) ? "%"
                        : " USD") + " to " + String.join(", ", new java.util.TreeSet<>(n.emails())) + "\n")
                .reduce("", String::concat)).orElse("budget  " + Desired.budgetName(project) + ": none\n"));
        return out.toString();
    }

    private static String managed(String project, boolean managed) {
        return managed ? "  [managed by bella]" : "  [not this project's: lacks the tags " + Desired.tags(project) + "]";
    }
}
