package dev.bella.stacks;

import static dev.bella.stacks.Assemblies.template;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The service stack's properties, each traced to the spec field it comes from. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceStackTemplateTest {

    private final Template prod = template("bella", "prod", "bella-prod-service");
    private final Template dev = template("bella", "dev", "bella-dev-service");
    private final Template edge = template("variant", "edge", "shop-edge-service");
    private final Template plain = template("variant", "plain", "shop-plain-service");

    @Test
    void taskSizeAndArchitectureComeFromTheService() {
        prod.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Cpu", "256", "Memory", "512",
                "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX")));
        edge.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Cpu", "1024", "Memory", "2048",
                "RuntimePlatform", Map.of("CpuArchitecture", "X86_64")));
    }

    @Test
    void containerTakesImagePortAndSecretsFromTheSpec() {
        edge.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Map.of(
                "Image", Match.objectLike(Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                        "/team/booking:v1.2.3"))))),
                "PortMappings", List.of(Map.of("ContainerPort", 9000)),
                "Environment", List.of(Map.of("Name", "BELLA_PORT", "Value", "9000"),
                        Map.of("Name", "BELLA_DB_URL", "Value", Map.of("Fn::Join", List.of("", List.of(
                                "jdbc:postgresql://", importOf("shop-edge-data", "DatabaseB269D8BBEndpointAddress"), ":",
                                importOf("shop-edge-data", "DatabaseB269D8BBEndpointPort"),
                                "/bella?sslmode=verify-full&sslrootcert=/etc/bella/rds-ca/global-bundle.pem")))),
                        // transit encryption on the replication group: rediss://
                        Map.of("Name", "BELLA_REDIS_URL", "Value", Map.of("Fn::Join", List.of("", List.of("rediss://",
                                importOf("shop-edge-data", "CachePrimaryEndPointAddress"), ":",
                                importOf("shop-edge-data", "CachePrimaryEndPointPort"))))),
                        // public-url: the custom domain the certificate names is what Twilio posts to and signs
                        Map.of("Name", "BELLA_PUBLIC_URL", "Value", "https://voice.example.com")),
                "Secrets", List.of(
                        // the application role's secret for queries, the master secret only for migrations
                        Map.of("Name", "BELLA_DB_USER", "ValueFrom", Map.of("Fn::Join", List.of("", List.of(
                                importOf("shop-edge-data", "AppCredentials"), ":username::")))),
                        Map.of("Name", "BELLA_DB_PASSWORD", "ValueFrom", Map.of("Fn::Join", List.of("", List.of(
                                importOf("shop-edge-data", "AppCredentials"), ":password::")))),
                        Map.of("Name", "BELLA_DB_ADMIN_USER", "ValueFrom", Map.of("Fn::Join", List.of("", List.of(
                                importOf("shop-edge-data", "DatabaseSecretAttachment"), ":username::")))),
                        Map.of("Name", "BELLA_DB_ADMIN_PASSWORD", "ValueFrom", Map.of("Fn::Join", List.of("", List.of(
                                importOf("shop-edge-data", "DatabaseSecretAttachment"), ":password::")))),
                        Map.of("Name", "TWILIO_AUTH_TOKEN", "ValueFrom", Match.objectLike(Map.of("Fn::Join",
                                List.of("", Match.arrayWith(List.of(":secret:shop/edge/twilio:auth-token::")))))),
                        Map.of("Name", "OPENAI_API_KEY", "ValueFrom", Match.objectLike(Map.of("Fn::Join",
                                List.of("", Match.arrayWith(List.of(":secret:shop/edge/openai:api-key::")))))),
                        Map.of("Name", "BELLA_REDIS_PASSWORD", "ValueFrom", Map.of("Fn::Join", List.of("", List.of(
                                importOf("shop-edge-data", "CacheToken"), ":auth-token::")))))))));
        plain.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Map.of(
                "Environment", Match.arrayWith(List.of(
                        // schedule nights: its zone is the business's
                        Map.of("Name", "BELLA_TIMEZONE", "Value", "Asia/Tokyo"),
                        // no certificate: the plain HTTP listener
                        Map.of("Name", "BELLA_PUBLIC_URL", "Value", Map.of("Fn::Join", List.of("", List.of("http://",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^LoadBalancer"),
                                        "DNSName"))))))))))));
        prod.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Map.of(
                "Image", Match.objectLike(Map.of("Fn::Join", List.of("", Match.arrayWith(List.of("/bella:latest"))))),
                "PortMappings", List.of(Map.of("ContainerPort", 8080)),
                // cache: none, so the service is not told about a Redis that does not exist; no schedule, so
                // BELLA_TIMEZONE is the service's default; the HTTP API's endpoint is the public URL
                "Environment", List.of(Map.of("Name", "BELLA_PORT", "Value", "8080"),
                        Map.of("Name", "BELLA_DB_URL", "Value", Match.anyValue()),
                        Map.of("Name", "BELLA_PUBLIC_URL", "Value", Map.of("Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("^Api"), "ApiEndpoint"))))))));
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Map.of(
                "Environment", Match.arrayWith(List.of(Map.of("Name", "BELLA_TIMEZONE",
                        "Value", "America/Toronto")))))));
    }

    @Test
    void aHealthCheckPathTheServiceDoesNotAnswerWarnsAtSynth() throws Exception {
        String edgeMetadata = java.nio.file.Files.readString(Assemblies.of("variant", "edge")
                .resolve("shop-edge-service.metadata.json"));
        org.assertj.core.api.Assertions.assertThat(edgeMetadata)
                .contains("probes /ready but the booking service answers /health only");
        String prodMetadata = java.nio.file.Files.readString(Assemblies.of("bella", "prod")
                .resolve("bella-prod-service.metadata.json"));
        org.assertj.core.api.Assertions.assertThat(prodMetadata).doesNotContain("bella:health-check-path");
    }

    /** A cross-stack import of the data stack's export whose name contains {@code part}. */
    private static Map<String, Object> importOf(String dataStack, String part) {
        return Map.of("Fn::ImportValue", Match.stringLikeRegexp("^" + dataStack + ":ExportsOutput\\w*" + part));
    }

    @Test
    void logRetentionComesFromLogs() {
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/bella/prod/service",
                "RetentionInDays", 30));
        dev.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
        edge.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    }

    @Test
    void capacityProvidersSplitBySpotWeight() {
        prod.hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", 1, "CapacityProviderStrategy",
                List.of(Map.of("CapacityProvider", "FARGATE", "Weight", 100))));
        dev.hasResourceProperties("AWS::ECS::Service", Map.of("CapacityProviderStrategy", List.of(
                Map.of("CapacityProvider", "FARGATE", "Weight", 20),
                Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 80))));
        edge.hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", 2, "CapacityProviderStrategy", List.of(
                Map.of("CapacityProvider", "FARGATE", "Weight", 70),
                Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 30))));
    }

    @Test
    void tasksGetAPublicAddressOnlyWithoutNat() {
        prod.hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration",
                Map.of("AssignPublicIp", "ENABLED"))));
        edge.hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration",
                Map.of("AssignPublicIp", "DISABLED"))));
    }

    @Test
    void autoscalingTargetTracksCpuWithTheSpecsBoundsAndCooldowns() {
        prod.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1,
                "MaxCapacity", 5, "ScalableDimension", "ecs:service:DesiredCount"));
        prod.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of("PolicyType",
                "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration", Map.of("TargetValue", 70,
                        "ScaleOutCooldown", 300, "ScaleInCooldown", 600, "PredefinedMetricSpecification",
                        Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"))));
        dev.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1,
                "MaxCapacity", 1));
        edge.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 2,
                "MaxCapacity", 8));
        edge.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "TargetTrackingScalingPolicyConfiguration", Map.of("TargetValue", 55, "ScaleOutCooldown", 120,
                        "ScaleInCooldown", 900)));
    }

    @Test
    void httpApiIngressHasNoLoadBalancer() {
        prod.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 0);
        prod.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        prod.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP", "Name", "bella-prod"));
        prod.resourceCountIs("AWS::ApiGatewayV2::VpcLink", 1);
        prod.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of("ConnectionType", "VPC_LINK",
                "IntegrationType", "HTTP_PROXY"));
        prod.hasResourceProperties("AWS::ServiceDiscovery::Service", Map.of("DnsConfig", Map.of("DnsRecords",
                List.of(Map.of("Type", "SRV")))));
        prod.hasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace", Map.of("Name", "prod.bella.internal"));
    }

    @Test
    void albIngressListensOnHttpsWithTheCertificateAndProbesTheHealthPath() {
        edge.resourceCountIs("AWS::ApiGatewayV2::Api", 0);
        edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("Scheme", "internet-facing"));
        edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn",
                        "arn:aws:acm:ca-central-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789abc"))));
        edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "DefaultActions",
                List.of(Map.of("Type", "redirect", "RedirectConfig", Map.of("Protocol", "HTTPS", "Port", "443")))));
        edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of("Port", 9000,
                "HealthCheckPath", "/ready", "TargetType", "ip"));
    }

    @Test
    void albWithoutCertificateServesPlainHttpAndWarns() throws Exception {
        plain.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        plain.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP"));
        String metadata = java.nio.file.Files.readString(Assemblies.of("variant", "plain")
                .resolve("shop-plain-service.metadata.json"));
        org.assertj.core.api.Assertions.assertThat(metadata).contains("has ingress: alb and no certificate-arn");
    }
}
