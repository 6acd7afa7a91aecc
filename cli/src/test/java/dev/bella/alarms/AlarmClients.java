package dev.bella.alarms;

import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import dev.bella.spec.SpecLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The real SDK clients {@link AlarmService} works through, made against a stand-in endpoint (us-east-1, where billing
 * lives) with test credentials, as the CLI makes them; a test reaches past the service through them.
 */
record AlarmClients(CloudWatchClient cloudWatch, SnsClient sns, BudgetsClient budgets, StsClient sts)
        implements AutoCloseable {

    static AlarmClients against(String endpoint) {
        AwsClients factory = new AwsClients(AwsSettings.of(null, "us-east-1", URI.create(endpoint)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
        return new AlarmClients(factory.create(CloudWatchClient.builder()), factory.create(SnsClient.builder()),
                factory.create(BudgetsClient.builder()), factory.create(StsClient.builder()));
    }

    AlarmService service() {
        return new AlarmService(new AwsAlarmAccount(cloudWatch, sns, budgets, sts));
    }

    /** What a spec asks for, the spec written from {@code yaml} into {@code dir} and loaded as the CLI loads it. */
    static Desired desired(Path dir, String yaml) throws IOException {
        Path spec = dir.resolve("bella.yaml");
        Files.writeString(spec, yaml);
        return Desired.from(new SpecLoader().load(spec));
    }

    @Override
    public void close() {
        cloudWatch.close();
        sns.close();
        budgets.close();
        sts.close();
    }
}
