package dev.bella.stacks;

import dev.bella.spec.Environment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpServiceDiscoveryIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpServiceDiscoveryIntegrationProps;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.VpcLink;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.servicediscovery.PrivateDnsNamespace;
import software.constructs.Construct;

/**
 * How webhooks reach the service, and the two metrics the alarms watch on it. An ALB costs a fixed
 * hourly price; an HTTP API is priced per request and needs no load balancer at all. Either way only what
 * Twilio calls ({@code POST /voice/...}) is routed from the internet: the admin API ({@code /api/*}) and
 * {@code /metrics} stay inside the VPC, and every request that arrives is in the access log.
 */
sealed interface ServiceIngress {

    /** The public paths: Twilio's webhooks. Everything else answers 404 at the edge. */
    String VOICE_ROUTE = "/voice/{proxy+}";
    String VOICE_PATTERN = "/voice/*";

    /** What one access-log line records: enough to tell a VPC link error or timeout from the service's own 5xx. */
    String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"time\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"route\":\"$context.routeKey\","
            + "\"path\":\"$context.path\",\"status\":\"$context.status\",\"length\":\"$context.responseLength\","
            + "\"latency\":\"$context.responseLatency\",\"integrationStatus\":\"$context.integration.status\","
            + "\"integrationLatency\":\"$context.integration.latency\","
            + "\"integrationError\":\"$context.integration.error\"}";

    /** The public base URL Twilio posts to: a token resolved at deploy time. */
    String url();

    /** p99 response time, in the metric's own unit. */
    IMetric p99Latency();

    /** The p99 threshold in that unit (ALB: seconds, API Gateway: milliseconds). */
    double latencyThreshold(java.time.Duration budget);

    /** 5xx answers as a percent of requests. */
    IMetric errorRatePercent();

    Duration PERIOD = Duration.minutes(5);

    record LoadBalanced(ApplicationLoadBalancer loadBalancer, ApplicationListener listener, boolean https)
            implements ServiceIngress {

        public String url() {
            return (https ? "https://" : "http://") + loadBalancer.getLoadBalancerDnsName();
        }

        public IMetric p99Latency() {
            return metric("TargetResponseTime", "p99");
        }

        public double latencyThreshold(java.time.Duration budget) {
            return budget.toMillis() / 1000.0;
        }

        public IMetric errorRatePercent() {
            return MathExpression.Builder.create()
                    .expression("IF(requests > 0, 100 * (FILL(target, 0) + FILL(elb, 0)) / requests, 0)")
                    .usingMetrics(ordered("requests", metric("RequestCount", "Sum"),
                            "target", metric("HTTPCode_Target_5XX_Count", "Sum"),
                            "elb", metric("HTTPCode_ELB_5XX_Count", "Sum")))
                    .label("5xx percent").period(PERIOD).build();
        }

        private Metric metric(String name, String statistic) {
            return Metric.Builder.create().namespace("AWS/ApplicationELB").metricName(name).statistic(statistic)
                    .dimensionsMap(Map.of("LoadBalancer", loadBalancer.getLoadBalancerFullName())).period(PERIOD)
                    .build();
        }
    }

    record Gateway(HttpApi api) implements ServiceIngress {

        public String url() {
            return api.getApiEndpoint();
        }

        public IMetric p99Latency() {
            return metric("Latency", "p99");
        }

        public double latencyThreshold(java.time.Duration budget) {
            return budget.toMillis();
        }

        public IMetric errorRatePercent() {
            return MathExpression.Builder.create()
                    .expression("IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)")
                    .usingMetrics(ordered("requests", metric("Count", "Sum"), "errors", metric("5xx", "Sum")))
                    .label("5xx percent").period(PERIOD).build();
        }

        private Metric metric(String name, String statistic) {
            return Metric.Builder.create().namespace("AWS/ApiGateway").metricName(name).statistic(statistic)
                    .dimensionsMap(Map.of("ApiId", api.getApiId())).period(PERIOD).build();
        }
    }

    /**
     * The metrics in the order given: the template lists them in the map's iteration order, and Map.of's
     * order changes from one JVM to the next, which made two synths of the same spec differ.
     */
    static Map<String, IMetric> ordered(Object... idsAndMetrics) {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        for (int i = 0; i < idsAndMetrics.length; i += 2) {
            metrics.put((String) idsAndMetrics[i], (IMetric) idsAndMetrics[i + 1]);
        }
        return metrics;
    }

    static PrivateDnsNamespace namespace(Construct scope, Environment env, NetworkStack network, String project) {
        return PrivateDnsNamespace.Builder.create(scope, "Namespace").name(env.name() + "." + project + ".internal")
                .vpc(network.vpc)
                .description("bella " + env.name() + ": the HTTP API's VPC link finds the tasks here").build();
    }

    static ServiceIngress create(Construct scope, Environment env, NetworkStack network, FargateService service,
                                 String project) {
        return switch (env.ingress()) {
            case ALB -> loadBalancer(scope, env, network, service);
            case HTTP_API -> gateway(scope, env, network, service, project);
        };
    }

    private static ServiceIngress loadBalancer(Construct scope, Environment env, NetworkStack network,
                                               FargateService service) {
        ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(scope, "LoadBalancer")
                .vpc(network.vpc).internetFacing(true)
                .vpcSubnets(software.amazon.awscdk.services.ec2.SubnetSelection.builder()
                        .subnetType(software.amazon.awscdk.services.ec2.SubnetType.PUBLIC).build())
                .securityGroup(network.ingress).build();
        TradeOffs.PUBLIC_WEBHOOKS.on(network.ingress);
        alb.logAccessLogs(accessLogBucket(scope, env), "alb");
        // anything but Twilio's webhooks gets a 404 from the load balancer and never reaches the service
        ListenerAction notFound = ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                .contentType("text/plain").messageBody("not found").build());
        ApplicationListener listener;
        if (env.certificateArn().isPresent()) {
            listener = alb.addListener("Https", BaseApplicationListenerProps.builder().port(443)
                    .protocol(ApplicationProtocol.HTTPS).open(false)
                    .certificates(List.of(ListenerCertificate.fromArn(env.certificateArn().get())))
                    .sslPolicy(SslPolicy.RECOMMENDED_TLS).defaultAction(notFound).build());
            alb.addListener("HttpRedirect", BaseApplicationListenerProps.builder().port(80)
                    .protocol(ApplicationProtocol.HTTP).open(false)
                    .defaultAction(ListenerAction.redirect(software.amazon.awscdk.services.elasticloadbalancingv2
                            .RedirectOptions.builder().protocol("HTTPS").port("443").permanent(true).build()))
                    .build());
        } else {
            // Twilio signs webhooks either way, but callers' details then cross the internet in clear text
            Annotations.of(scope).addWarningV2("bella:no-certificate", "environment " + env.name()
                    + " has ingress: alb and no certificate-arn: the load balancer listens on plain HTTP only");
            listener = alb.addListener("Http", BaseApplicationListenerProps.builder().port(80)
                    .protocol(ApplicationProtocol.HTTP).open(false).defaultAction(notFound).build());
        }
        listener.addTargets("Booking", AddApplicationTargetsProps.builder()
                .priority(10)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(VOICE_PATTERN)),
                        ListenerCondition.httpRequestMethods(List.of("POST"))))
                .port(env.service().port()).protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service))
                .healthCheck(HealthCheck.builder().path(env.service().healthCheckPath()).healthyHttpCodes("200")
                        .interval(Duration.seconds(30)).build())
                .deregistrationDelay(Duration.seconds(30))
                .build());
        LoadBalanced ingress = new LoadBalanced(alb, listener, env.certificateArn().isPresent());
        CfnOutput.Builder.create(scope, "Url").value(ingress.url()).description("webhook base URL").build();
        return ingress;
    }

    /**
     * ALB access logs go to S3 only (not CloudWatch): a private, encrypted bucket whose objects expire after
     * the spec's log retention. Kept when the stack is deleted, since a non-empty bucket cannot be deleted.
     */
    private static Bucket accessLogBucket(Construct scope, Environment env) {
        Bucket bucket = Bucket.Builder.create(scope, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED) // the only encryption ALB log delivery supports
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(env.logs().retentionDays())).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        TradeOffs.LOG_BUCKET_UNLOGGED.on(bucket);
        return bucket;
    }

    private static ServiceIngress gateway(Construct scope, Environment env, NetworkStack network,
                                          FargateService service, String project) {
        VpcLink link = VpcLink.Builder.create(scope, "VpcLink").vpc(network.vpc)
                .subnets(network.taskSubnets(env)).securityGroups(List.of(network.ingress)).build();
        // no $default route: it would forward /metrics and the admin API to the internet
        HttpApi api = HttpApi.Builder.create(scope, "Api").apiName(project + "-" + env.name())
                .description("bella " + env.name() + " webhooks")
                .createDefaultStage(false)
                .build();
        api.addRoutes(AddRoutesOptions.builder().path(VOICE_ROUTE).methods(List.of(HttpMethod.POST))
                        .integration(new HttpServiceDiscoveryIntegration("Booking", service.getCloudMapService(),
                                HttpServiceDiscoveryIntegrationProps.builder().vpcLink(link).build()))
                        .build())
                .forEach(TradeOffs.TWILIO_SIGNED::on);

        LogGroup accessLog = LogGroup.Builder.create(scope, "AccessLog")
                .logGroupName("/" + project + "/" + env.name() + "/api-access")
                .removalPolicy(env.protectedEnv() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY).build();
        ServiceStack.retention(accessLog, env.logs().retentionDays());
        IAccessLogDestination destination = new LogGroupLogDestination(accessLog);
        HttpStage.Builder.create(scope, "Stage").httpApi(api).stageName("$default").autoDeploy(true)
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                // a flood is answered 429 by API Gateway (and billed per request), not passed to the tasks
                .throttle(ThrottleSettings.builder().rateLimit(env.throttle().ratePerSecond())
                        .burstLimit(env.throttle().burst()).build())
                .build();
        Gateway ingress = new Gateway(api);
        CfnOutput.Builder.create(scope, "Url").value(ingress.url()).description("webhook base URL").build();
        return ingress;
    }
}
