package dev.bella.pricing;

import dev.bella.aws.AwsClients;
import dev.bella.errors.BellaException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The Price List API could not be used: refused, unreachable, or answered something we cannot read. */
public final class PriceListException extends BellaException {

    private static final Set<String> AUTH_ERRORS = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch", "ExpiredTokenException",
            "MissingAuthenticationTokenException", "IncompleteSignature");

    private final String errorCode;

    PriceListException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The AWS error code ({@code AccessDeniedException}, ...), or empty when AWS did not answer. */
    public String errorCode() {
        return errorCode;
    }

    /** True when AWS refused the credentials or the permission, which no retry fixes. */
    public boolean isAuthProblem() {
        return AUTH_ERRORS.contains(errorCode);
    }

    static PriceListException refused(String serviceCode, AwsServiceException e) {
        // a reply from a proxy or stand-in has no code; Set.of refuses a null lookup
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        String hint;
        if (AUTH_ERRORS.contains(code)) {
            hint = "; check the AWS credentials (--profile, AWS_PROFILE) and that they allow pricing:GetProducts";
        } else if (e.isThrottlingException()) {
            hint = "; still throttled after " + AwsClients.MAX_ATTEMPTS + " attempts, try again in a minute";
        } else {
            hint = "";
        }
        return new PriceListException("AWS Price List API refused GetProducts for " + serviceCode + ": " + code
                + " (HTTP " + e.statusCode() + "): " + detail + hint, code, e);
    }

    /** The Savings Plans API refused; an access-denied message already names the IAM action (AwsClients). */
    static PriceListException savingsPlansRefused(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        String hint = AUTH_ERRORS.contains(code) ? "; the credentials must allow "
                + "savingsplans:DescribeSavingsPlansOfferingRates" : e.isThrottlingException()
                ? "; still throttled after " + AwsClients.MAX_ATTEMPTS + " attempts, try again in a minute" : "";
        return new PriceListException("AWS Savings Plans API refused DescribeSavingsPlansOfferingRates: " + code
                + " (HTTP " + e.statusCode() + "): " + e.getMessage() + hint, code, e);
    }

    static PriceListException savingsPlansUnreachable(SdkClientException e) {
        return new PriceListException("cannot reach the AWS Savings Plans API (DescribeSavingsPlansOfferingRates): "
                + e.getMessage() + "; check the network, --endpoint-url or AWS_ENDPOINT_URL", "", e);
    }

    static PriceListException unreachable(String serviceCode, SdkClientException e) {
        return new PriceListException("cannot reach the AWS Price List API (GetProducts for " + serviceCode + "): "
                + e.getMessage() + "; check the network, --endpoint-url or AWS_ENDPOINT_URL", "", e);
    }

    static PriceListException unreadable(String serviceCode, String why, Throwable cause) {
        return new PriceListException("AWS Price List API returned a " + serviceCode + " price list entry we cannot read: "
                + why, "", cause);
    }

    @Override
    public Outcome outcome() {
        return Outcome.AWS;
    }
}
