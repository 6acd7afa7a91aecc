package dev.bella.stacks;

import static dev.bella.stacks.Assemblies.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Image;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;

/**
 * Issue 18's defects, one test each, on the properties the stacks set: private admin paths, access logs,
 * throttling, the application role, TLS to the database, Redis TLS and AUTH, pinned images.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningTemplateTest {

    private final Template prod = template("bella", "prod", "bella-prod-service");
    private final Template prodData = template("bella", "prod", "bella-prod-data");
    private final Template edge = template("variant", "edge", "shop-edge-service");
    private final Template edgeData = template("variant", "edge", "shop-edge-data");
    private final Template plain = template("variant", "plain", "shop-plain-service");

    @Test
    void theHttpApiRoutesOnlyTwiliosWebhooks() {
        // no $default route: /metrics and the admin /api/* never reach the tasks from the internet
        prod.resourceCountIs("AWS::ApiGatewayV2::Route", 1);
        prod.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "POST /voice/{proxy+}"));
    }

    @Test
    void theLoadBalancerForwardsOnlyTwiliosWebhooksAndAnswers404Otherwise() {
        for (Template t : List.of(edge, plain)) {
            Map<String, Object> notFound = Map.of("Type", "fixed-response", "FixedResponseConfig",
                    Match.objectLike(Map.of("StatusCode", "404")));
            t.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of("Conditions",
                    Match.arrayWith(List.of(
                            Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/voice/*"))),
                            Map.of("Field", "http-request-method", "HttpRequestMethodConfig",
                                    Map.of("Values", List.of("POST"))))),
                    "Actions", List.of(Match.objectLike(Map.of("Type", "forward")))));
            t.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 1);
            t.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Protocol",
                    t == edge ? "HTTPS" : "HTTP", "DefaultActions", List.of(notFound)));
        }
    }

    @Test
    void theApiStageWritesAnAccessLogWithTheSpecsRetention() {
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/bella/prod/api-access",
                "RetentionInDays", 30));
        prod.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "$default", "AutoDeploy", true,
                "AccessLogSettings", Map.of("DestinationArn", Map.of("Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("^AccessLog"), "Arn")),
                        "Format", ServiceIngress.ACCESS_LOG_FORMAT)));
        assertThat(ServiceIngress.ACCESS_LOG_FORMAT).contains("$context.integration.error", "$context.status");
    }

    @Test
    void theApiStageIsThrottledFromTheSpec() {
        prod.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("DefaultRouteSettings", Match.objectLike(Map.of(
                "ThrottlingRateLimit", 25, "ThrottlingBurstLimit", 50))));
    }

    @Test
    void theLoadBalancerWritesAccessLogsToAnExpiringPrivateBucket() {
        edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("LoadBalancerAttributes",
                Match.arrayWith(List.of(Map.of("Key", "access_logs.s3.enabled", "Value", "true")))));
        edge.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 90,
                        "Status", "Enabled")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
    }

    @Test
    void theServiceConnectsAsTheApplicationRoleWithVerifiedTls() {
        prodData.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "bella/prod/database-app",
                "GenerateSecretString", Match.objectLike(Map.of("SecretStringTemplate", "{\"username\":\"bella_app\"}",
                        "GenerateStringKey", "password"))));
        Object url = Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                "/bella?sslmode=verify-full&sslrootcert=" + ServiceStack.RDS_CA_BUNDLE))));
        Object environment = Match.arrayWith(List.of(Map.of("Name", "BELLA_DB_URL", "Value", url)));
        prod.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions",
                List.of(Match.objectLike(Map.of("Environment", environment)))));
    }

    @Test
    void theImageShipsTheRdsCaBundleTheUrlNames() throws Exception {
        // booking-core's Jib extra directory is copied to the image's root
        Path bundle = Path.of("../../booking-core/src/main/jib" + ServiceStack.RDS_CA_BUNDLE);
        try (InputStream in = Files.newInputStream(bundle)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            assertThat(certificates).isNotEmpty().anySatisfy(c -> assertThat(
                    ((X509Certificate) c).getSubjectX500Principal().getName()).contains("Amazon RDS ca-central-1"));
        }
    }

    @Test
    void redisRequiresTlsAndAnAuthTokenFromItsSecret() {
        edgeData.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "shop/edge/cache"));
        edgeData.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Map.of("TransitEncryptionEnabled", true,
                "AtRestEncryptionEnabled", true, "AuthToken", Map.of("Fn::Join", List.of("", Match.arrayWith(
                        List.of("{{resolve:secretsmanager:", ":SecretString:auth-token::}}"))))));
    }

    @Test
    void alarmTopicsAcceptOnlyTlsPublishers() {
        prod.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition",
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void aDigestPinsTheImage() {
        // one small stack in this JVM: the jsii runtime is already up, so this costs well under a second
        Stack stack = new Stack(new App(), "Pinned");
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, "Task").build();
        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        task.addContainer("booking", ContainerDefinitionOptions.builder().image(ContainerImages.of(stack, "Repo",
                new Image("team/booking", "latest", Optional.empty(), Optional.of(digest)), Path.of("."))).build());
        Template.fromStack(stack).hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions",
                List.of(Match.objectLike(Map.of("Image", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                        "/team/booking@" + digest)))))))));
    }
}
