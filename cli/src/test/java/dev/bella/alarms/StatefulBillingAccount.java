package dev.bella.alarms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An AWS account that keeps state, on WireMock, in the wire protocols the 2.40.2 SDK speaks: CloudWatch, SNS
 * and STS in the query protocol (form-encoded POST, XML answers), AWS Budgets in JSON 1.1 ({@code X-Amz-Target}).
 * What one call writes, the next call reads, so apply → plan → apply sequences and failures half-way through
 * behave as they would on AWS. It enforces the service limits Bella has to respect (10 notifications per budget,
 * 10 e-mail subscribers per notification, 5 actions per alarm state), answers a refused IAM action the way AWS
 * does ("is not authorized to perform: ..."), and can fail any operation once on request.
 * Only the operations and parameters `bella cost alarms` uses are modelled. It is one class past the usual size
 * because the three services share one account (tags are kept by ARN across them, writes are logged in one order)
 * and one dispatch of WireMock requests; each service is one section below.
 */
public final class StatefulBillingAccount implements ResponseDefinitionTransformerV2 {

    public static final String ACCOUNT = "123456789012";
    private static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/ci";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, String>> alarms = new TreeMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Map<String, List<String[]>> topics = new LinkedHashMap<>();
    private final Map<String, ObjectNode> budgets = new LinkedHashMap<>();
    private final Map<String, Map<String, Notification>> notifications = new HashMap<>();
    private final Set<String> denied = new HashSet<>();
    private final Map<String, Deque<Optional<Fault>>> failures = new HashMap<>();
    private final List<String> writes = new ArrayList<>();
    private boolean billingAlerts = true;

    /** A notification and its subscribers as {@code TYPE address}, in the order they were added. */
    private record Notification(ObjectNode spec, List<String> subscribers) {
    }

    /** An AWS error answer; the protocol decides its shape. */
    private static final class Fault extends RuntimeException {
        final int status;
        final String code;

        Fault(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** Starts a WireMock server on a free port that answers every request from this account. */
    public static WireMockServer serve(StatefulBillingAccount account) {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(account));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        return server;
    }

    @Override
    public String getName() {
        return "stateful-billing-account";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    // ---- what a test arranges and inspects ----

    public synchronized StatefulBillingAccount billingAlerts(boolean on) {
        billingAlerts = on;
        return this;
    }

    /** Refuses an IAM action such as {@code cloudwatch:TagResource} from now on. */
    public synchronized StatefulBillingAccount deny(String iamAction) {
        denied.add(iamAction.toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    /**
     * The {@code nth} call of {@code operation} from now fails with this error (a code the SDK does not retry
     * keeps a test fast); the calls before it succeed.
     */
    public synchronized StatefulBillingAccount failCall(String operation, int nth, int status, String code,
                                                        String message) {
        Deque<Optional<Fault>> queue = failures.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 1; i < nth; i++) {
            queue.add(Optional.empty());
        }
        queue.add(Optional.of(new Fault(status, code, message)));
        return this;
    }

    /** The write operations that succeeded, in order. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    public synchronized Map<String, String> alarm(String name) {
        return Map.copyOf(alarms.getOrDefault(name, Map.of()));
    }

    public synchronized Set<String> alarmNames() {
        return Set.copyOf(alarms.keySet());
    }

    /** Every recipient confirms: SNS gives the subscriptions real ARNs. */
    public synchronized void confirmSubscriptions() {
        topics.forEach((arn, subs) -> subs.replaceAll(s -> s[0].equals("PendingConfirmation")
                ? new String[] {arn + ":" + UUID.randomUUID(), s[1], s[2]} : s));
    }

    /** Subscriptions of a topic as {@code protocol:endpoint}. */
    public synchronized List<String> subscriptions(String topicArn) {
        return topics.getOrDefault(topicArn, List.of()).stream().map(s -> s[1] + ":" + s[2]).toList();
    }

    public synchronized Set<String> topicArns() {
        return Set.copyOf(topics.keySet());
    }

    /** The budget's notifications as {@code ACTUAL 80} → their subscribers' addresses, in the order added. */
    public synchronized Map<String, List<String>> notifications(String budget) {
        Map<String, List<String>> out = new TreeMap<>();
        notifications.getOrDefault(budget, Map.of()).forEach((k, n) -> out.put(n.spec().path("NotificationType").asText()
                + " " + threshold(n.spec()).toPlainString(), n.subscribers().stream().map(s -> s.split(" ", 2)[1]).toList()));
        return out;
    }

    public synchronized JsonNode budget(String name) {
        return budgets.get(name);
    }

    // ---- dispatch ----

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        String target = event.getRequest().getHeader("X-Amz-Target");
        String body = event.getRequest().getBodyAsString();
        if (target != null) {
            String op = target.substring(target.indexOf('.') + 1);
            try {
                failure(op);
                ObjectNode out = budgets(op, (ObjectNode) JSON.readTree(body));
                return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(out.toString()).build();
            } catch (Fault f) {
                return aResponse().withStatus(f.status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(JSON.createObjectNode().put("__type", f.code).put("Message", f.getMessage()).toString())
                        .build();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Map<String, String> form = form(body);
        String action = form.getOrDefault("Action", "");
        String version = form.getOrDefault("Version", "");
        String ns = switch (version) {
            case "2010-08-01" -> "http://monitoring.amazonaws.com/doc/2010-08-01/";
            case "2010-03-31" -> "http://sns.amazonaws.com/doc/2010-03-31/";
            default -> "https://sts.amazonaws.com/doc/2011-06-15/";
        };
        try {
            failure(action);
            String result = switch (version) {
                case "2010-08-01" -> cloudWatch(action, form);
                case "2010-03-31" -> sns(action, form);
                case "2011-06-15" -> "<Arn>" + USER + "</Arn><UserId>AIDAEXAMPLE</UserId><Account>" + ACCOUNT + "</Account>";
                default -> throw new Fault(400, "InvalidAction", "unknown version " + version);
            };
            return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<" + action + "Response xmlns=\""
                    + ns + "\">" + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                    + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action
                    + "Response>").build();
        } catch (Fault f) {
            return aResponse().withStatus(f.status).withHeader("Content-Type", "text/xml").withBody("<ErrorResponse xmlns=\""
                    + ns + "\"><Error><Type>Sender</Type><Code>" + f.code + "</Code><Message>" + xml(f.getMessage())
                    + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>").build();
        }
    }

    private void failure(String operation) {
        Deque<Optional<Fault>> queue = failures.get(operation);
        if (queue != null && !queue.isEmpty()) {
            Optional<Fault> fault = queue.poll();
            if (fault.isPresent()) {
                throw fault.get();
            }
        }
    }

    /** AWS's answer to a refused action; SNS writes its prefix in capitals and calls the error AuthorizationError. */
    private void authorize(String action, String resource) {
        if (!denied.contains(action.toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        String service = action.substring(0, action.indexOf(':'));
        String shown = service.equals("sns") ? "SNS" + action.substring(3) : action;
        String message = "User: " + USER + " is not authorized to perform: " + shown + " on resource: " + resource
                + " because no identity-based policy allows the " + shown + " action";
        throw switch (service) {
            case "sns" -> new Fault(403, "AuthorizationError", message);
            case "budgets" -> new Fault(400, "AccessDeniedException", message);
            default -> new Fault(403, "AccessDenied", message);
        };
    }

    private void wrote(String operation) {
        writes.add(operation);
    }

    // ---- CloudWatch ----

    private String cloudWatch(String action, Map<String, String> f) {
        authorize("cloudwatch:" + action, "*");
        switch (action) {
            case "ListMetrics":
                return billingAlerts ? "<Metrics><member><Namespace>AWS/Billing</Namespace><MetricName>EstimatedCharges"
                        + "</MetricName><Dimensions><member><Name>Currency</Name><Value>USD</Value></member></Dimensions>"
                        + "</member></Metrics>" : "<Metrics/>";
            case "DescribeAlarms": {
                String prefix = f.getOrDefault("AlarmNamePrefix", "");
                StringBuilder out = new StringBuilder("<MetricAlarms>");
                alarms.forEach((name, a) -> {
                    if (name.startsWith(prefix)) {
                        out.append(describe(a));
                    }
                });
                return out.append("</MetricAlarms><CompositeAlarms/>").toString();
            }
            case "ListTagsForResource":
                return "<Tags>" + tagXml(tags.getOrDefault(f.get("ResourceARN"), Map.of())) + "</Tags>";
            case "TagResource":
                tags.computeIfAbsent(f.get("ResourceARN"), k -> new TreeMap<>()).putAll(tagParams(f));
                wrote(action);
                return null;
            case "PutMetricAlarm": {
                String name = f.get("AlarmName");
                String arn = "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:" + name;
                boolean creating = !alarms.containsKey(name);
                Map<String, String> newTags = tagParams(f);
                if (creating && !newTags.isEmpty()) {
                    authorize("cloudwatch:TagResource", arn);
                }
                for (String list : List.of("AlarmActions", "OKActions", "InsufficientDataActions")) {
                    if (members(f, list).size() > 5) {
                        throw new Fault(400, "ValidationError", "The maximum number of " + list + " is 5.");
                    }
                }
                Map<String, String> a = new TreeMap<>();
                f.forEach((k, v) -> {
                    if (!k.equals("Action") && !k.equals("Version") && !k.startsWith("Tags.")) {
                        a.put(k, v);
                    }
                });
                a.putIfAbsent("ActionsEnabled", "true");
                a.put("AlarmArn", arn);
                a.put("StateValue", creating ? "INSUFFICIENT_DATA" : alarms.get(name).get("StateValue"));
                alarms.put(name, a);
                if (creating) {
                    tags.put(arn, new TreeMap<>(newTags)); // tags on an update are ignored, as AWS documents
                }
                wrote(action);
                return null;
            }
            case "DeleteAlarms":
                members(f, "AlarmNames").forEach(n -> tags.remove(alarms.remove(n) == null ? "" : arnOfAlarm(n)));
                wrote(action);
                return null;
            case "DisableAlarmActions", "EnableAlarmActions":
                members(f, "AlarmNames").forEach(n -> alarms.get(n).put("ActionsEnabled", String.valueOf(
                        action.startsWith("Enable"))));
                return null;
            default:
                throw new Fault(400, "InvalidAction", "not modelled: " + action);
        }
    }

    private static String arnOfAlarm(String name) {
        return "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:" + name;
    }

    private static String describe(Map<String, String> a) {
        StringBuilder m = new StringBuilder("<member>");
        for (String k : List.of("AlarmName", "AlarmArn", "AlarmDescription", "ActionsEnabled")) {
            element(m, k, a.get(k));
        }
        for (String list : List.of("OKActions", "AlarmActions", "InsufficientDataActions")) {
            m.append('<').append(list).append('>');
            members(a, list).forEach(v -> element(m, "member", v));
            m.append("</").append(list).append('>');
        }
        element(m, "StateValue", a.get("StateValue"));
        for (String k : List.of("MetricName", "Namespace", "Statistic", "ExtendedStatistic")) {
            element(m, k, a.get(k));
        }
        m.append("<Dimensions>");
        for (int i = 1; a.containsKey("Dimensions.member." + i + ".Name"); i++) {
            m.append("<member>");
            element(m, "Name", a.get("Dimensions.member." + i + ".Name"));
            element(m, "Value", a.get("Dimensions.member." + i + ".Value"));
            m.append("</member>");
        }
        m.append("</Dimensions>");
        for (String k : List.of("Period", "Unit", "EvaluationPeriods", "DatapointsToAlarm", "Threshold", "ComparisonOperator",
                "TreatMissingData")) {
            element(m, k, a.get(k));
        }
        return m.append("</member>").toString();
    }

    // ---- SNS ----

    private String sns(String action, Map<String, String> f) {
        authorize("sns:" + action, f.getOrDefault("TopicArn", "*"));
        switch (action) {
            case "ListTopics": {
                StringBuilder out = new StringBuilder("<Topics>");
                topics.keySet().forEach(arn -> out.append("<member><TopicArn>").append(arn).append("</TopicArn></member>"));
                return out.append("</Topics>").toString();
            }
            case "CreateTopic": {
                String arn = "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + f.get("Name");
                Map<String, String> newTags = tagParams(f);
                if (!topics.containsKey(arn)) {
                    if (!newTags.isEmpty()) {
                        authorize("sns:TagResource", arn);
                    }
                    topics.put(arn, new ArrayList<>());
                    tags.put(arn, new TreeMap<>(newTags));
                    wrote(action);
                }
                return "<TopicArn>" + arn + "</TopicArn>";
            }
            case "ListTagsForResource":
                return "<Tags>" + tagXml(tags.getOrDefault(f.get("ResourceArn"), Map.of())) + "</Tags>";
            case "TagResource":
                tags.computeIfAbsent(f.get("ResourceArn"), k -> new TreeMap<>()).putAll(tagParams(f));
                wrote(action);
                return null;
            case "ListSubscriptionsByTopic": {
                StringBuilder out = new StringBuilder("<Subscriptions>");
                for (String[] s : topic(f.get("TopicArn"))) {
                    out.append("<member><TopicArn>").append(f.get("TopicArn")).append("</TopicArn><Protocol>").append(s[1])
                            .append("</Protocol><SubscriptionArn>").append(s[0]).append("</SubscriptionArn><Owner>")
                            .append(ACCOUNT).append("</Owner><Endpoint>").append(xml(s[2])).append("</Endpoint></member>");
                }
                return out.append("</Subscriptions>").toString();
            }
            case "Subscribe": {
                List<String[]> subs = topic(f.get("TopicArn"));
                if (subs.stream().noneMatch(s -> s[1].equals(f.get("Protocol")) && s[2].equals(f.get("Endpoint")))) {
                    subs.add(new String[] {"PendingConfirmation", f.get("Protocol"), f.get("Endpoint")});
                }
                wrote(action);
                return "<SubscriptionArn>pending confirmation</SubscriptionArn>";
            }
            case "Unsubscribe": {
                String arn = f.get("SubscriptionArn");
                boolean removed = topics.values().stream().anyMatch(subs -> subs.removeIf(s -> s[0].equals(arn)));
                if (!removed) {
                    throw new Fault(404, "NotFound", "Subscription does not exist");
                }
                wrote(action);
                return null;
            }
            case "DeleteTopic":
                topics.remove(f.get("TopicArn"));
                tags.remove(f.get("TopicArn"));
                wrote(action);
                return null;
            default:
                throw new Fault(400, "InvalidAction", "not modelled: " + action);
        }
    }

    private List<String[]> topic(String arn) {
        List<String[]> subs = topics.get(arn);
        if (subs == null) {
            throw new Fault(404, "NotFound", "Topic does not exist");
        }
        return subs;
    }

    // ---- AWS Budgets ----

    private ObjectNode budgets(String op, ObjectNode in) {
        String name = in.path("BudgetName").asText(in.path("Budget").path("BudgetName").asText(
                in.path("NewBudget").path("BudgetName").asText(in.path("ResourceARN").asText().replaceAll(".*budget/", ""))));
        String arn = "arn:aws:budgets::" + ACCOUNT + ":budget/" + name;
        boolean reading = op.startsWith("Describe");
        authorize(op.equals("ListTagsForResource") || op.equals("TagResource") ? "budgets:" + op
                : reading ? "budgets:ViewBudget" : "budgets:ModifyBudget", arn);
        ObjectNode out = JSON.createObjectNode();
        switch (op) {
            case "DescribeBudget" -> out.set("Budget", existing(name));
            case "CreateBudget" -> {
                if (budgets.containsKey(name)) {
                    throw new Fault(400, "DuplicateRecordException", "the budget " + name + " already exists");
                }
                Map<String, String> newTags = new TreeMap<>();
                in.path("ResourceTags").forEach(t -> newTags.put(t.path("Key").asText(), t.path("Value").asText()));
                if (!newTags.isEmpty()) {
                    authorize("budgets:TagResource", arn);
                }
                budgets.put(name, (ObjectNode) in.get("Budget"));
                notifications.put(name, new LinkedHashMap<>());
                tags.put(arn, newTags);
                wrote(op);
            }
            case "UpdateBudget" -> {
                existing(name);
                budgets.put(name, (ObjectNode) in.get("NewBudget"));
                wrote(op);
            }
            case "DeleteBudget" -> {
                existing(name);
                budgets.remove(name);
                notifications.remove(name);
                tags.remove(arn);
                wrote(op);
            }
            case "ListTagsForResource" -> {
                ArrayNode list = out.putArray("ResourceTags");
                tags.getOrDefault(arn, Map.of()).forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
            }
            case "DescribeNotificationsForBudget" -> {
                existing(name);
                ArrayNode list = out.putArray("Notifications");
                notifications.get(name).values().forEach(n -> list.add(n.spec().deepCopy().put("NotificationState", "OK")));
            }
            case "DescribeSubscribersForNotification" -> {
                ArrayNode list = out.putArray("Subscribers");
                notification(name, in).subscribers().forEach(s -> list.addObject().put("SubscriptionType",
                        s.split(" ", 2)[0]).put("Address", s.split(" ", 2)[1]));
            }
            case "CreateNotification" -> {
                existing(name);
                Map<String, Notification> all = notifications.get(name);
                String key = key(in.path("Notification"));
                if (all.containsKey(key)) {
                    throw new Fault(400, "DuplicateRecordException", "the notification already exists");
                }
                if (all.size() >= 10) {
                    throw new Fault(400, "CreationLimitExceededException", "You've exceeded the notification limit "
                            + "for budget " + name + ": a budget can have up to 10 notifications");
                }
                List<String> subs = new ArrayList<>();
                in.path("Subscribers").forEach(s -> subs.add(s.path("SubscriptionType").asText() + " "
                        + s.path("Address").asText()));
                if (subs.stream().filter(s -> s.startsWith("EMAIL ")).count() > 10) {
                    throw new Fault(400, "InvalidParameterException", "a notification can have up to 10 email subscribers");
                }
                all.put(key, new Notification(notificationSpec(in.path("Notification")), subs));
                wrote(op);
            }
            case "DeleteNotification" -> {
                notification(name, in);
                notifications.get(name).remove(key(in.path("Notification")));
                wrote(op);
            }
            case "CreateSubscriber" -> {
                Notification n = notification(name, in);
                String s = in.path("Subscriber").path("SubscriptionType").asText() + " "
                        + in.path("Subscriber").path("Address").asText();
                if (n.subscribers().contains(s)) {
                    throw new Fault(400, "DuplicateRecordException", "the subscriber already exists");
                }
                if (s.startsWith("EMAIL ") && n.subscribers().stream().filter(x -> x.startsWith("EMAIL ")).count() >= 10) {
                    throw new Fault(400, "CreationLimitExceededException", "You've exceeded the subscriber limit: a "
                            + "notification can have up to 10 email subscribers");
                }
                n.subscribers().add(s);
                wrote(op);
            }
            case "DeleteSubscriber" -> {
                Notification n = notification(name, in);
                String s = in.path("Subscriber").path("SubscriptionType").asText() + " "
                        + in.path("Subscriber").path("Address").asText();
                if (!n.subscribers().remove(s)) {
                    throw new Fault(400, "NotFoundException", "the subscriber does not exist");
                }
                if (n.subscribers().isEmpty()) {
                    // as AWS documents: deleting the last subscriber also deletes the notification
                    notifications.get(name).remove(key(in.path("Notification")));
                }
                wrote(op);
            }
            default -> throw new Fault(400, "InvalidParameterException", "not modelled: " + op);
        }
        return out;
    }

    private ObjectNode existing(String name) {
        ObjectNode b = budgets.get(name);
        if (b == null) {
            throw new Fault(400, "NotFoundException", "[Exception=NotFoundException] Failed to call DescribeBudget for "
                    + "[accountId: " + ACCOUNT + "] - Unable to get budget: " + name + " - the budget doesn't exist.");
        }
        return b;
    }

    private Notification notification(String budget, ObjectNode in) {
        existing(budget);
        Notification n = notifications.get(budget).get(key(in.path("Notification")));
        if (n == null) {
            throw new Fault(400, "NotFoundException", "Unable to find the notification for budget " + budget);
        }
        return n;
    }

    private static ObjectNode notificationSpec(JsonNode n) {
        ObjectNode out = JSON.createObjectNode();
        out.put("NotificationType", n.path("NotificationType").asText()).put("ComparisonOperator",
                n.path("ComparisonOperator").asText()).put("Threshold", n.path("Threshold").asDouble())
                .put("ThresholdType", n.path("ThresholdType").asText("PERCENTAGE"));
        return out;
    }

    private static String key(JsonNode n) {
        return n.path("NotificationType").asText() + "|" + n.path("ComparisonOperator").asText() + "|"
                + threshold(n).toPlainString() + "|" + n.path("ThresholdType").asText("PERCENTAGE");
    }

    private static BigDecimal threshold(JsonNode n) {
        return new BigDecimal(n.path("Threshold").asText()).stripTrailingZeros();
    }

    // ---- wire helpers ----

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** {@code name.member.1}, {@code name.member.2}, ... in order. */
    private static List<String> members(Map<String, String> f, String name) {
        List<String> out = new ArrayList<>();
        for (int i = 1; f.containsKey(name + ".member." + i); i++) {
            out.add(f.get(name + ".member." + i));
        }
        return out;
    }

    private static Map<String, String> tagParams(Map<String, String> f) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 1; f.containsKey("Tags.member." + i + ".Key"); i++) {
            out.put(f.get("Tags.member." + i + ".Key"), f.getOrDefault("Tags.member." + i + ".Value", ""));
        }
        return out;
    }

    private static String tagXml(Map<String, String> t) {
        StringBuilder out = new StringBuilder();
        t.forEach((k, v) -> out.append("<member><Key>").append(xml(k)).append("</Key><Value>").append(xml(v))
                .append("</Value></member>"));
        return out.toString();
    }

    private static void element(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append('<').append(name).append('>').append(xml(value)).append("</").append(name).append('>');
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
