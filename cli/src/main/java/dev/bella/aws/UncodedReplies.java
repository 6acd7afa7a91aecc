package dev.bella.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Rewrites an error reply that carries no AWS error code (a corporate proxy's 403 page, a load balancer's empty
 * 502, a stand-in endpoint) into one line naming the HTTP status and the call: the SDK's own message for such a
 * reply says neither which call failed nor that the answer did not come from AWS, so the user cannot tell a
 * proxy problem from a permission problem.
 */
final class UncodedReplies implements ExecutionInterceptor {

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!(context.exception() instanceof AwsServiceException e) || !uncoded(e)) {
            return context.exception();
        }
        return e.toBuilder().message(describe(e.statusCode(), attributes)).build();
    }

    static boolean uncoded(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                || e.awsErrorDetails().errorCode().isBlank();
    }

    static String describe(int status, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return "HTTP " + status + " from " + (service == null ? "AWS" : service)
                + (operation == null ? "" : " " + operation)
                + " without an AWS error code (the reply came from something other than AWS: a proxy, a "
                + "stand-in or --endpoint-url?)";
    }
}
