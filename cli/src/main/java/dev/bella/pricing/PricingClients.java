package dev.bella.pricing;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.PricingClientBuilder;

/** Builds the Price List API client the refresher uses. */
public final class PricingClients {

    /**
     * The Price List API is served only from us-east-1 (and ap-south-1, eu-central-1), whatever region
     * the prices are for; us-east-1 is the one every price list is published to.
     */
    static final Region API_REGION = Region.US_EAST_1;

    /**
     * GetProducts throttles at a few requests a second and a refresh makes a dozen or more calls, so we
     * allow more attempts than the SDK's default three. The standard strategy backs off with jitter and
     * treats ThrottlingException as throttling (a longer base delay).
     */
    static final int MAX_ATTEMPTS = 5;

    private PricingClients() {
    }

    /**
     * A client for the Price List API.
     *
     * @param endpoint    where to send requests instead of AWS (a test server, a proxy); null for AWS.
     *                    With null the SDK still honours {@code AWS_ENDPOINT_URL}.
     * @param credentials any credentials the account accepts; the API needs {@code pricing:GetProducts}
     */
    public static PricingClient create(URI endpoint, AwsCredentialsProvider credentials) {
        PricingClientBuilder builder = PricingClient.builder()
                .region(API_REGION)
                .credentialsProvider(credentials)
                // set explicitly: the SDK refuses to choose when several HTTP clients are on the classpath
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
