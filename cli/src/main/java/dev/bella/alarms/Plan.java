package dev.bella.alarms;

import dev.bella.alarms.Current.NotificationState;
import dev.bella.alarms.Desired.AlarmDefinition;
import dev.bella.alarms.Desired.BudgetDefinition;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The difference between the spec and the account, item by item, and the call that closes each gap. */
public record Plan(List<Change> changes) {

    public Plan {
        changes = List.copyOf(changes);
    }

    public enum Action {
        CREATE("+", "create"), UPDATE("~", "update"), DELETE("-", "delete"), UNCHANGED("=", "unchanged"),
        KEEP(".", "left alone"), CONFLICT("!", "conflict");

        final String sign;
        final String word;

        Action(String sign, String word) {
            this.sign = sign;
            this.word = word;
        }

        boolean changes() {
            return this == CREATE || this == UPDATE || this == DELETE;
        }
    }

    public enum Kind {
        TOPIC("topic"), SUBSCRIPTION("subscription"), ALARM("alarm"), BUDGET("budget"), NOTIFICATION("notification");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** One planned call; {@link Op.None} for items that need none. */
    public sealed interface Op {
        record None() implements Op {
        }

        record CreateTopic(String name) implements Op {
        }

        record Subscribe(String email) implements Op {
        }

        record Unsubscribe(String subscriptionArn) implements Op {
        }

        record PutAlarm(AlarmDefinition alarm, List<String> actions) implements Op {
        }

        record DeleteAlarm(String name) implements Op {
        }

        record CreateBudget(BudgetDefinition budget) implements Op {
        }

        record UpdateBudget(BudgetDefinition budget) implements Op {
        }

        record CreateNotification(String budget, BudgetDefinition.Notification notification, List<String> emails)
                implements Op {
        }

        /**
         * E-mail subscribers added to or removed from a notification in place (CreateSubscriber, DeleteSubscriber), in
         * the order of {@code steps}; the notification and its history stay.
         */
        record ChangeSubscribers(String budget, NotificationState notification, List<SubscriberStep> steps)
                implements Op {
            public ChangeSubscribers {
                steps = List.copyOf(steps);
            }
        }

        record SubscriberStep(boolean add, String email) {
        }

        record DeleteNotification(String budget, NotificationState notification) implements Op {
        }

        record DeleteBudget(String name) implements Op {
        }

        record DeleteTopic(String arn) implements Op {
        }
    }

    public record Change(Action action, Kind kind, String name, String detail, Op op) {
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action().changes());
    }

    public List<Change> conflicts() {
        return changes.stream().filter(c -> c.action() == Action.CONFLICT).toList();
    }

    public List<Change> toMake() {
        return changes.stream().filter(c -> c.action().changes()).toList();
    }

    /** One line per item, then a count; the same text for plan, apply and delete so they can be compared. */
    public String render() {
        StringBuilder out = new StringBuilder();
        int width = changes.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Change c : changes) {
            out.append(String.format("  %s %-10s %-12s %-" + width + "s  %s", c.action().sign, c.action().word,
                    c.kind().word, c.name(), c.detail()).stripTrailing()).append('\n');
        }
        out.append(summary()).append('\n');
        return out.toString();
    }

    public String summary() {
        Map<Action, Integer> n = new EnumMap<>(Action.class);
        changes.forEach(c -> n.merge(c.action(), 1, Integer::sum));
        String text = "Plan: " + n.getOrDefault(Action.CREATE, 0) + " to create, " + n.getOrDefault(Action.UPDATE, 0)
                + " to update, " + n.getOrDefault(Action.DELETE, 0) + " to delete, " + n.getOrDefault(Action.UNCHANGED, 0)
                + " unchanged";
        if (n.containsKey(Action.KEEP)) {
            text += ", " + n.get(Action.KEEP) + " left alone";
        }
        if (n.containsKey(Action.CONFLICT)) {
            text += ", " + n.get(Action.CONFLICT) + " in conflict";
        }
        return text + ".";
    }
}
