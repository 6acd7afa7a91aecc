package dev.bella.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The one factory for AWS SDK clients, so every command gets the same credentials, region, endpoint
 * override, timeouts, retries and error messages. Usage: {@code clients.create(EcsClient.builder())}.
 */
public final class AwsClients {

    /**
     * Cost Explorer, Price List and the Describe APIs throttle at a few requests a second and a command
     * makes many calls, so more attempts than the SDK's default three. The standard strategy backs off
     * with jitter and uses a longer base delay for throttling errors.
     */
    public static final int MAX_ATTEMPTS = 5;

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
        this.credentials = settings.profile()
                .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** For tests and callers that already hold credentials. */
    public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    public AwsSettings settings() {
        return settings;
    }

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C create(B builder) {
        builder.region(settings.region())
                .credentialsProvider(credentials)
                // set explicitly: the SDK refuses to choose when several HTTP clients are on the classpath
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                        .addExecutionInterceptor(new PermissionNaming())
                        .addExecutionInterceptor(new UncodedReplies()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
