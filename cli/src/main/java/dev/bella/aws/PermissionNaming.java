package dev.bella.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Rewrites an access-denied error so its message names the IAM action that was refused
 * ("needs IAM permission ce:GetCostAndUsage"): the user's fix is a policy line, and AWS's own
 * message does not always say which one (some query-protocol services return a bare "AccessDenied").
 */
final class PermissionNaming implements ExecutionInterceptor {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AuthorizationError", "AuthFailure", "NotAuthorized");

    /** AWS's own wording ("... is not authorized to perform: SNS:TagResource on resource: ..."), when it says. */
    private static final Pattern REFUSED = Pattern.compile("not authorized to perform:? ([A-Za-z0-9-]+):([A-Za-z0-9*]+)");

    /** The SDK's service names (its SERVICE_NAME attribute) to the IAM action prefixes. */
    private static final Map<String, String> IAM_PREFIX = Map.ofEntries(
            Map.entry("CostExplorer", "ce"),
            Map.entry("Pricing", "pricing"),
            Map.entry("CloudWatch", "cloudwatch"),
            Map.entry("Ecs", "ecs"),
            Map.entry("Rds", "rds"),
            Map.entry("ElastiCache", "elasticache"),
            Map.entry("ApplicationAutoScaling", "application-autoscaling"),
            Map.entry("ResourceGroupsTaggingApi", "tag"),
            Map.entry("Sns", "sns"),
            Map.entry("Budgets", "budgets"),
            Map.entry("ComputeOptimizer", "compute-optimizer"),
            Map.entry("Sts", "sts"),
            Map.entry("savingsplans", "savingsplans"));

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        // a reply without an error code (a proxy's page) is UncodedReplies' to word; Set.of rejects a null lookup
        if (!(context.exception() instanceof AwsServiceException e) || UncodedReplies.uncoded(e)
                || !DENIED.contains(e.awsErrorDetails().errorCode())) {
            return context.exception();
        }
        String detail = e.awsErrorDetails().errorMessage();
        String action = refused(detail).orElseGet(() -> iamAction(attributes));
        return e.toBuilder()
                .message("access denied: needs IAM permission " + action
                        + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"))
                .build();
    }

    /**
     * The action AWS names as refused. It is not always the called operation's: a CreateTopic, PutMetricAlarm or
     * CreateBudget with tags also needs the service's TagResource, and naming the operation sent users to grant
     * what they already had.
     */
    static Optional<String> refused(String message) {
        Matcher m = message == null ? null : REFUSED.matcher(message);
        return m != null && m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT) + ":" + m.group(2))
                : Optional.empty();
    }

    static String iamAction(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String prefix = IAM_PREFIX.getOrDefault(service, service == null ? "?" : service.toLowerCase(Locale.ROOT));
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return prefix + ":" + ("budgets".equals(prefix) ? budgetsAction(operation) : operation);
    }

    /** AWS Budgets authorises its budget and notification calls with two actions, not one per operation. */
    private static String budgetsAction(String operation) {
        if (operation == null || operation.contains("Action") || operation.contains("Tag")) {
            return operation; // budget actions and tagging have actions of their own name
        }
        return operation.startsWith("Describe") ? "ViewBudget" : "ModifyBudget";
    }
}
