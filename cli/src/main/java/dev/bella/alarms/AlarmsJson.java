package dev.bella.alarms;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.alarms.Current.Alarm;
import dev.bella.alarms.Plan.Action;
import dev.bella.alarms.Plan.Change;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.TreeSet;

/**
 * `cost alarms plan|list --format json`, for a pipeline to read (schema: docs/cost-alarms.md, "JSON output").
 * Stable: fields are only added; a removal or a change of meaning bumps {@code schemaVersion}.
 */
public final class AlarmsJson {

    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private AlarmsJson() {
    }

    public static String plan(String project, Plan plan) {
        ObjectNode root = header(project);
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            changes.addObject().put("action", action(c.action())).put("kind", c.kind().word).put("name", c.name())
                    .put("detail", c.detail());
        }
        ObjectNode summary = root.putObject("summary");
        for (Action a : Action.values()) {
            summary.put(action(a), plan.changes().stream().filter(c -> c.action() == a).count());
        }
        root.put("hasChanges", plan.hasChanges());
        return write(root);
    }

    public static String list(String project, Current c) {
        ObjectNode root = header(project);
        root.put("account", c.account());
        c.topic().ifPresentOrElse(t -> {
            ObjectNode topic = root.putObject("topic").put("arn", t.arn()).put("managed", t.managed());
            ArrayNode subs = topic.putArray("subscriptions");
            t.subscriptions().forEach(s -> subs.addObject().put("protocol", s.protocol()).put("endpoint", s.endpoint())
                    .put("confirmed", !s.pending()));
        }, () -> root.putNull("topic"));
        ArrayNode alarms = root.putArray("alarms");
        for (Alarm a : c.alarms()) {
            alarms.addObject().put("name", a.name()).put("arn", a.arn()).put("managed", a.managed())
                    .put("state", a.state()).put("metric", a.metric())
                    .put("threshold", a.threshold().setScale(2, RoundingMode.HALF_UP))
                    .put("actionsEnabled", a.actionsEnabled());
        }
        c.budget().ifPresentOrElse(b -> {
            ObjectNode budget = root.putObject("budget").put("name", b.name()).put("managed", b.managed())
                    .put("limit", b.limit().setScale(2, RoundingMode.HALF_UP)).put("unit", b.unit())
                    .put("timeUnit", b.timeUnit());
            ArrayNode notifications = budget.putArray("notifications");
            b.notifications().forEach(n -> {
                ObjectNode node = notifications.addObject().put("type", n.kind()).put("comparison", n.comparison())
                        .put("threshold", n.percent().stripTrailingZeros()).put("thresholdType", n.thresholdType());
                new TreeSet<>(n.emails()).forEach(node.putArray("emails")::add);
            });
        }, () -> root.putNull("budget"));
        return write(root);
    }

    private static ObjectNode header(String project) {
        return MAPPER.createObjectNode().put("schemaVersion", SCHEMA_VERSION).put("project", project)
                .put("prefix", Desired.prefix(project)).put("region", Planner.BILLING_REGION);
    }

    /** create, update, delete, unchanged, left-alone, conflict. */
    static String action(Action a) {
        return a.word.replace(' ', '-').toLowerCase(Locale.ROOT);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
