package dev.bella.alarms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A billing account on WireMock, in the wire shapes the 2.40.2 SDK uses: CloudWatch, SNS and STS speak the
 * AWS query protocol (form-encoded POST, XML answers, told apart by their Version parameter); AWS Budgets
 * speaks JSON 1.1 with an X-Amz-Target header. Read stubs can be tied to a scenario state so that a test
 * can show the account before and after an apply.
 */
public final class FakeBillingAccount {

    /** The smallest spec with a budget: what the alarm tests apply (a test varies it with {@code replace}). */
    public static final String SPEC = """
            project: bella
            region: ca-central-1
            budget: {monthly-limit: 150, notify: [ops@example.com]}
            environments:
              prod: {}
            """;
    public static final String ACCOUNT = "123456789012";
    public static final String CW = "2010-08-01";
    public static final String SNS = "2010-03-31";
    public static final String STS = "2011-06-15";
    public static final String SCENARIO = "account";
    public static final String APPLIED = "applied";
    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:" + ACCOUNT + ":bella-bella-billing";
    public static final Set<String> WRITES = Set.of("PutMetricAlarm", "DeleteAlarms", "CreateTopic", "DeleteTopic", "Subscribe",
            "Unsubscribe", "TagResource", "AWSBudgetServiceGateway.CreateBudget", "AWSBudgetServiceGateway.UpdateBudget",
            "AWSBudgetServiceGateway.DeleteBudget", "AWSBudgetServiceGateway.CreateNotification",
            "AWSBudgetServiceGateway.DeleteNotification", "AWSBudgetServiceGateway.CreateSubscriber",
            "AWSBudgetServiceGateway.DeleteSubscriber");

    private final WireMockServer aws;
    private String state;

    public FakeBillingAccount(WireMockServer aws) {
        this.aws = aws;
    }

    /** Read stubs registered after this answer only in that scenario state (null: in any state). */
    public FakeBillingAccount inState(String scenarioState) {
        this.state = scenarioState;
        return this;
    }

    public static MappingBuilder query(String version, String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing("Version=" + version));
    }

    public static MappingBuilder budgets(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSBudgetServiceGateway." + operation));
    }

    public static final Set<String> SNS_ACTIONS = Set.of("ListTopics", "CreateTopic", "Subscribe", "Unsubscribe", "DeleteTopic",
            "ListSubscriptionsByTopic");

    public static ResponseDefinitionBuilder xml(String action, String result) {
        String ns = action.equals("GetCallerIdentity") ? "https://sts.amazonaws.com/doc/2011-06-15/"
                : SNS_ACTIONS.contains(action) ? "http://sns.amazonaws.com/doc/2010-03-31/"
                : "http://monitoring.amazonaws.com/doc/2010-08-01/";
        return xml(ns, action, result);
    }

    public static ResponseDefinitionBuilder xml(String ns, String action, String result) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<" + action + "Response xmlns=\""
                + ns + "\">" + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>9f2c1e4e-0000-4000-8000-000000000001</RequestId></ResponseMetadata></"
                + action + "Response>");
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    public static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody("<ErrorResponse xmlns="
                + "\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>1e2d3c4b-0000-4000-8000-00000000000e"
                + "</RequestId></ErrorResponse>");
    }

    private void read(MappingBuilder request, ResponseDefinitionBuilder response) {
        if (state != null) {
            request = request.inScenario(SCENARIO).whenScenarioStateIs(state);
        }
        aws.stubFor(request.willReturn(response));
    }

    // ---- reads ----

    public FakeBillingAccount identity() {
        read(query(STS, "GetCallerIdentity"), xml("GetCallerIdentity", "<Arn>arn:aws:iam::" + ACCOUNT + ":user/ci</Arn>"
                + "<UserId>AIDAEXAMPLE</UserId><Account>" + ACCOUNT + "</Account>"));
        return this;
    }

    public FakeBillingAccount billingMetric(boolean enabled) {
        read(query(CW, "ListMetrics"), xml("ListMetrics", enabled ? "<Metrics><member><Namespace>AWS/Billing</Namespace>"
                + "<MetricName>EstimatedCharges</MetricName><Dimensions><member><Name>Currency</Name><Value>USD</Value>"
                + "</member></Dimensions></member></Metrics>" : "<Metrics/>"));
        return this;
    }

    /** One page of DescribeAlarms; {@code nextToken} non-null adds a NextToken, {@code token} matches a request's. */
    public FakeBillingAccount alarmsPage(String token, String nextToken, String... alarms) {
        MappingBuilder request = query(CW, "DescribeAlarms").withRequestBody(containing("AlarmNamePrefix=bella-bella-"));
        request = token == null ? request.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining(
                "NextToken=")) : request.withRequestBody(containing("NextToken=" + token));
        read(request, xml("DescribeAlarms", "<MetricAlarms>" + String.join("", alarms) + "</MetricAlarms><CompositeAlarms/>"
                + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")));
        return this;
    }

    public FakeBillingAccount alarms(String... alarms) {
        return alarmsPage(null, null, alarms);
    }

    public static String alarmArn(String name) {
        return "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:" + name;
    }

    /** A MetricAlarm member as DescribeAlarms returns it. */
    public static String alarm(String name, String threshold, String description, String... actions) {
        return "<member><AlarmName>" + name + "</AlarmName><AlarmArn>" + alarmArn(name) + "</AlarmArn>"
                + "<AlarmDescription>" + description.replace("'", "&apos;") + "</AlarmDescription>"
                + "<AlarmConfigurationUpdatedTimestamp>2026-11-01T10:00:00.000Z</AlarmConfigurationUpdatedTimestamp>"
                + "<ActionsEnabled>true</ActionsEnabled><OKActions/><AlarmActions>"
                + Arrays.stream(actions).map(a -> "<member>" + a + "</member>").collect(Collectors.joining())
                + "</AlarmActions><InsufficientDataActions/><StateValue>OK</StateValue><StateReason>Threshold Crossed"
                + "</StateReason><StateUpdatedTimestamp>2026-11-02T10:00:00.000Z</StateUpdatedTimestamp>"
                + "<MetricName>EstimatedCharges</MetricName><Namespace>AWS/Billing</Namespace><Statistic>Maximum</Statistic>"
                + "<Dimensions><member><Name>Currency</Name><Value>USD</Value></member></Dimensions><Period>21600</Period>"
                + "<EvaluationPeriods>1</EvaluationPeriods><Threshold>" + threshold + "</Threshold>"
                + "<ComparisonOperator>GreaterThanOrEqualToThreshold</ComparisonOperator>"
                + "<TreatMissingData>notBreaching</TreatMissingData></member>";
    }

    /** The alarm Bella would create for {@code percent}% of a $150 limit. */
    public static String bellaAlarm(String percent, String threshold) {
        return alarm("bella-bella-billing-" + percent + "pct", threshold, "bella: AWS estimated charges reached " + percent
                + "% of the monthly limit (USD 150.00); managed by 'bella cost alarms'", TOPIC_ARN);
    }

    public FakeBillingAccount alarmTags(String name, boolean managed) {
        return alarmTagsRaw(name, managed ? tag(Desired.TAG_KEY, "true") + tag("bella:project", "bella") : tag("team", "finance"));
    }

    /** Tags given as {@code key=value} pairs. */
    public FakeBillingAccount alarmTags(String name, String... tags) {
        return alarmTagsRaw(name, Arrays.stream(tags).map(t -> tag(t.split("=")[0], t.split("=")[1]))
                .collect(Collectors.joining()));
    }

    private FakeBillingAccount alarmTagsRaw(String name, String members) {
        read(query(CW, "ListTagsForResource").withRequestBody(containing("ResourceARN=" + enc(alarmArn(name)))),
                xml("ListTagsForResource", "<Tags>" + members + "</Tags>"));
        return this;
    }

    public FakeBillingAccount topics(String... arns) {
        read(query(SNS, "ListTopics"), xml("ListTopics", "<Topics>" + Arrays.stream(arns).map(a -> "<member><TopicArn>" + a
                + "</TopicArn></member>").collect(Collectors.joining()) + "</Topics>"));
        return this;
    }

    public FakeBillingAccount topicTags(String arn, boolean managed) {
        read(query(SNS, "ListTagsForResource").withRequestBody(containing("ResourceArn=" + enc(arn))),
                xml("http://sns.amazonaws.com/doc/2010-03-31/", "ListTagsForResource", "<Tags>"
                        + (managed ? tag(Desired.TAG_KEY, "true") + tag("bella:project", "bella") : "") + "</Tags>"));
        return this;
    }

    /** Subscriptions as {@code protocol endpoint arn} triples. */
    public FakeBillingAccount subscriptions(String topicArn, String... triples) {
        StringBuilder members = new StringBuilder();
        for (String t : triples) {
            String[] p = t.split(" ");
            members.append("<member><TopicArn>").append(topicArn).append("</TopicArn><Protocol>").append(p[0])
                    .append("</Protocol><SubscriptionArn>").append(p[2]).append("</SubscriptionArn><Owner>").append(ACCOUNT)
                    .append("</Owner><Endpoint>").append(p[1]).append("</Endpoint></member>");
        }
        read(query(SNS, "ListSubscriptionsByTopic"), xml("ListSubscriptionsByTopic", "<Subscriptions>" + members
                + "</Subscriptions>"));
        return this;
    }

    public FakeBillingAccount noBudget() {
        read(budgets("DescribeBudget"), aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"NotFoundException\",\"Message\":\"[Exception=NotFoundException] Failed to call "
                        + "DescribeBudget for [accountId: " + ACCOUNT + "] - Unable to get budget: bella-bella-monthly - the "
                        + "budget doesn't exist.\"}"));
        return this;
    }

    public FakeBillingAccount budget(String limit, boolean managed) {
        read(budgets("DescribeBudget"), json("{\"Budget\":{\"BudgetName\":\"bella-bella-monthly\",\"BudgetLimit\":"
                + "{\"Amount\":\"" + limit + "\",\"Unit\":\"USD\"},\"CostTypes\":{\"IncludeTax\":true,"
                + "\"IncludeSubscription\":true,\"UseBlended\":false},\"TimeUnit\":\"MONTHLY\",\"TimePeriod\":{\"Start\":"
                + "1.7617536E9,\"End\":3.7066176E9},\"CalculatedSpend\":{\"ActualSpend\":{\"Amount\":\"41.2\",\"Unit\":"
                + "\"USD\"}},\"BudgetType\":\"COST\",\"LastUpdatedTime\":1.7640288E9}}"));
        read(budgets("ListTagsForResource"), json("{\"ResourceTags\":[" + (managed ? "{\"Key\":\"bella:managed\","
                + "\"Value\":\"true\"},{\"Key\":\"bella:project\",\"Value\":\"bella\"}" : "") + "]}"));
        return this;
    }

    /** Notifications as {@code TYPE threshold}, e.g. {@code ACTUAL 50}; each with the same subscribers. */
    public FakeBillingAccount notifications(List<String> emails, String... notifications) {
        read(budgets("DescribeNotificationsForBudget"), json("{\"Notifications\":[" + Arrays.stream(notifications)
                .map(n -> "{\"NotificationType\":\"" + n.split(" ")[0] + "\",\"ComparisonOperator\":\"GREATER_THAN\","
                        + "\"Threshold\":" + n.split(" ")[1] + ".0,\"ThresholdType\":\"PERCENTAGE\","
                        + "\"NotificationState\":\"OK\"}").collect(Collectors.joining(",")) + "]}"));
        read(budgets("DescribeSubscribersForNotification"), json("{\"Subscribers\":[" + emails.stream()
                .map(e -> "{\"SubscriptionType\":\"EMAIL\",\"Address\":\"" + e + "\"}").collect(Collectors.joining(","))
                + "]}"));
        return this;
    }

    // ---- writes ----

    /** Every write succeeds; with {@code nextState} it also moves the scenario there. */
    public FakeBillingAccount writesSucceed(String nextState) {
        write(query(SNS, "CreateTopic"), xml("CreateTopic", "<TopicArn>" + TOPIC_ARN + "</TopicArn>"), nextState);
        write(query(SNS, "Subscribe"), xml("Subscribe", "<SubscriptionArn>pending confirmation</SubscriptionArn>"), nextState);
        write(query(SNS, "Unsubscribe"), xml("Unsubscribe", null), nextState);
        write(query(SNS, "DeleteTopic"), xml("DeleteTopic", null), nextState);
        write(query(CW, "PutMetricAlarm"), xml("PutMetricAlarm", null), nextState);
        write(query(CW, "DeleteAlarms"), xml("DeleteAlarms", null), nextState);
        for (String op : List.of("CreateBudget", "UpdateBudget", "DeleteBudget", "CreateNotification", "DeleteNotification",
                "CreateSubscriber", "DeleteSubscriber")) {
            write(budgets(op), json("{}"), nextState);
        }
        return this;
    }

    private void write(MappingBuilder request, ResponseDefinitionBuilder response, String nextState) {
        if (nextState != null) {
            request = request.inScenario(SCENARIO).willSetStateTo(nextState);
        }
        aws.stubFor(request.willReturn(response));
    }

    /** The write calls received, in order, as "Action" or "AWSBudgetServiceGateway.Operation", with their bodies. */
    public List<ServeEvent> writes() {
        return aws.getAllServeEvents().reversed().stream().filter(e -> WRITES.contains(operation(e))).toList();
    }

    public List<String> writeNames() {
        return writes().stream().map(FakeBillingAccount::operation).toList();
    }

    public static String operation(ServeEvent e) {
        String target = e.getRequest().getHeader("X-Amz-Target");
        if (target != null) {
            return target;
        }
        String body = e.getRequest().getBodyAsString();
        int i = body.indexOf("Action=");
        return i < 0 ? "" : body.substring(i + 7, body.indexOf('&', i) < 0 ? body.length() : body.indexOf('&', i));
    }

    private static String tag(String key, String value) {
        return "<member><Key>" + key + "</Key><Value>" + value + "</Value></member>";
    }

    public static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
