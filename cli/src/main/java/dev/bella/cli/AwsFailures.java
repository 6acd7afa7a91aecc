package dev.bella.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The one-line message for an SDK failure users meet first: no credentials anywhere the SDK looked. */
final class AwsFailures {

    // the SDK's own words when its default chain found nothing; its provider list follows (2 KB, --verbose only)
    private static final String NO_CREDENTIALS = "Unable to load credentials from any of the providers";
    private static final Pattern PROFILE = Pattern.compile("profileName=([^,)\\s]+)");
    // the profile provider's words (--profile NAME) when that profile is missing or holds no credentials
    private static final Pattern NO_PROFILE = Pattern.compile("^Profile file contained no credentials for profile '([^']*)'");

    private AwsFailures() {
    }

    /** True when the SDK found no credentials, also when a Bella failure wraps that (Price List, Cost Explorer). */
    static boolean noCredentials(Throwable e) {
        return cause(e) != null;
    }

    private static SdkClientException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SdkClientException c && t.getMessage() != null
                    && (t.getMessage().startsWith(NO_CREDENTIALS) || NO_PROFILE.matcher(t.getMessage()).find())) {
                return c;
            }
        }
        return null;
    }

    static String noCredentialsLine(Throwable e) {
        Matcher named = NO_PROFILE.matcher(String.valueOf(cause(e).getMessage()));
        if (named.find()) {
            return "no AWS credentials found for profile '" + named.group(1) + "' (the AWS config and credentials "
                    + "files do not have it, or it holds no credentials); check --profile or AWS_PROFILE, or run "
                    + "'aws configure --profile " + named.group(1) + "'";
        }
        Matcher m = PROFILE.matcher(String.valueOf(cause(e).getMessage()));
        String profile = m.find() ? m.group(1) : "default";
        return "no AWS credentials found (tried environment, profile '" + profile + "', SSO, container, instance "
                + "metadata); set AWS_PROFILE or --profile, or run 'aws sso login'";
    }
}
