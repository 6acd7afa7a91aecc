package dev.bella.stacks;

import dev.bella.spec.Architecture;
import dev.bella.spec.Autoscaling;
import dev.bella.spec.Environment;
import dev.bella.spec.Ingress;
import dev.bella.spec.Schedule;
import dev.bella.spec.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The booking service: ECS cluster, Fargate task definition and service sized from the spec, its log group,
 * CPU target tracking, the ingress (ALB or HTTP API) and the operational alarms. The container gets exactly
 * the variables booking-core's {@code BookingConfig} reads (docs/booking-service.md, "Configuration").
 */
final class ServiceStack extends Stack {

    /** Where booking-core's image holds the RDS CA bundle (its Jib extra directory, src/main/jib). */
    static final String RDS_CA_BUNDLE = "/etc/bella/rds-ca/global-bundle.pem";

    final Cluster cluster;
    final FargateService service;
    final LogGroup logs;
    final ServiceIngress ingress;
    final OperationalAlarms alarms;

    ServiceStack(Construct scope, String id, StackProps props, Environment env, NetworkStack network, DataStack data,
                 String project, List<String> notify, java.nio.file.Path imageDir, Optional<Schedule> schedule) {
        super(scope, id, props);
        Service spec = env.service();
        cluster = Cluster.Builder.create(this, "Cluster").vpc(network.vpc)
                .clusterName(project + "-" + env.name())
                .enableFargateCapacityProviders(true)
                .build();
        TradeOffs.NO_CONTAINER_INSIGHTS.on(cluster);

        logs = LogGroup.Builder.create(this, "Logs").logGroupName("/" + project + "/" + env.name() + "/service")
                .removalPolicy(env.protectedEnv() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY).build();
        retention(logs, env.logs().retentionDays());

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .family(project + "-" + env.name())
                .cpu(spec.cpu())
                .memoryLimitMiB(spec.memory())
                .runtimePlatform(platform(spec.architecture()))
                .build();
        ContainerDefinition container = task.addContainer("booking", ContainerDefinitionOptions.builder()
                .image(ContainerImages.of(this, "Repository", env.image(), imageDir))
                .essential(true)
                .portMappings(List.of(PortMapping.builder().containerPort(spec.port()).name("http").build()))
                .environment(environment(env, data, schedule))
                .secrets(secrets(env, data, project))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("booking").build()))
                .build());
        TradeOffs.PLAIN_VARIABLES.on(task);
        TradeOffs.ECR_TOKEN.on(task.obtainExecutionRole());

        var builder = FargateService.Builder.create(this, "Service")
                .serviceName("booking")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(spec.desired())
                .capacityProviderStrategies(capacity(spec.spotWeight()))
                .assignPublicIp(env.network().publicTasks())
                .vpcSubnets(network.taskSubnets(env))
                .securityGroups(List.of(network.service))
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .minHealthyPercent(100)
                .maxHealthyPercent(200);
        if (env.ingress() == Ingress.HTTP_API) {
            // API Gateway's VPC link reaches the tasks through Cloud Map SRV records (address and port)
            builder.cloudMapOptions(CloudMapOptions.builder().name("booking")
                    .cloudMapNamespace(ServiceIngress.namespace(this, env, network, project))
                    .dnsRecordType(software.amazon.awscdk.services.servicediscovery.DnsRecordType.SRV)
                    .containerPort(spec.port()).build());
        } else {
            builder.healthCheckGracePeriod(Duration.seconds(60));
        }
        service = builder.build();

        Autoscaling scaling = spec.autoscaling();
        ScalableTaskCount taskCount = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(scaling.min()).maxCapacity(scaling.max()).build());
        ScheduledCapacity.addTo(taskCount, scaling);
        taskCount.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(scaling.targetCpu())
                        .scaleOutCooldown(Duration.seconds(scaling.scaleOutCooldown().toSeconds()))
                        .scaleInCooldown(Duration.seconds(scaling.scaleInCooldown().toSeconds()))
                        .build());

        ingress = ServiceIngress.create(this, env, network, service, project);
        // what Twilio posts to and signs: known only once the ingress exists (a token resolved at deploy)
        container.addEnvironment("BELLA_PUBLIC_URL", env.publicUrl().map(java.net.URI::toString).orElse(ingress.url()));
        if (!Service.DEFAULT_HEALTH_CHECK_PATH.equals(spec.healthCheckPath())) {
            Annotations.of(this).addWarningV2("bella:health-check-path", "environment " + env.name()
                    + " probes " + spec.healthCheckPath() + " but the booking service answers "
                    + Service.DEFAULT_HEALTH_CHECK_PATH + " only: the tasks will fail their health checks"
                    + " unless the image is another service");
        }
        alarms = new OperationalAlarms(this, "Alarms", env, ingress, data.database, project, notify);
    }

    /** CDK's RetentionDays enum has no lookup by number; the spec's value is already one CloudWatch accepts. */
    static void retention(LogGroup group, int days) {
        ((CfnLogGroup) group.getNode().getDefaultChild()).setRetentionInDays(days);
    }

    static RuntimePlatform platform(Architecture architecture) {
        return RuntimePlatform.builder()
                .cpuArchitecture(architecture == Architecture.ARM64 ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64)
                .operatingSystemFamily(OperatingSystemFamily.LINUX).build();
    }

    /** The spec's spot weight as a percent split between FARGATE and FARGATE_SPOT; a zero weight is left out. */
    static List<CapacityProviderStrategy> capacity(int spotWeight) {
        List<CapacityProviderStrategy> strategy = new ArrayList<>();
        if (spotWeight < 100) {
            // base 0: with base on FARGATE, the dev environment's single task would never land on spot
            strategy.add(CapacityProviderStrategy.builder().capacityProvider("FARGATE").weight(100 - spotWeight)
                    .build());
        }
        if (spotWeight > 0) {
            strategy.add(CapacityProviderStrategy.builder().capacityProvider("FARGATE_SPOT").weight(spotWeight).build());
        }
        return strategy;
    }

    /**
     * Plain variables. BELLA_BUSINESS_HOURS, BELLA_SLOT_MINUTES and the ledger prices are not in the spec, so the
     * service's defaults apply; BELLA_TIMEZONE only when the environment has a schedule, whose zone is then taken
     * as the business's (otherwise the service's default, America/Toronto).
     */
    private static Map<String, String> environment(Environment env, DataStack data, Optional<Schedule> schedule) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("BELLA_PORT", Integer.toString(env.service().port()));
        // TLS with the server's certificate checked against the RDS CA bundle the image ships (booking-core's Jib
        // layer): without verify-full anyone in the path could stand in for the database
        vars.put("BELLA_DB_URL", Fn.join("", List.of("jdbc:postgresql://", data.database.getDbInstanceEndpointAddress(),
                ":", data.database.getDbInstanceEndpointPort(), "/", DataStack.DATABASE_NAME,
                "?sslmode=verify-full&sslrootcert=" + RDS_CA_BUNDLE)));
        data.cache.ifPresent(c -> {
            // the scheme follows the replication group itself, so turning on transit encryption there switches it
            Object transit = c.getTransitEncryptionEnabled();
            String scheme = Boolean.TRUE.equals(transit) ? "rediss://" : "redis://";
            vars.put("BELLA_REDIS_URL", Fn.join("", List.of(scheme, c.getAttrPrimaryEndPointAddress(), ":",
                    c.getAttrPrimaryEndPointPort())));
        });
        schedule.ifPresent(s -> vars.put("BELLA_TIMEZONE", s.zone().getId()));
        return vars;
    }

    /**
     * Injected by ECS from Secrets Manager at task start; none of them is ever in the spec or the template.
     * BELLA_ADMIN_TOKEN is left out: a missing secret would stop every task from starting, and without it the
     * admin API answers 403.
     */
    private Map<String, Secret> secrets(Environment env, DataStack data, String project) {
        ISecret twilio = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretNameV2(this, "Twilio",
                project + "/" + env.name() + "/twilio");
        ISecret openai = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretNameV2(this, "OpenAi",
                project + "/" + env.name() + "/openai");
        ISecret db = data.database.getSecret();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        // queries run as the application role; the master credentials only migrate and provision that role
        secrets.put("BELLA_DB_USER", Secret.fromSecretsManager(data.appCredentials, "username"));
        secrets.put("BELLA_DB_PASSWORD", Secret.fromSecretsManager(data.appCredentials, "password"));
        secrets.put("BELLA_DB_ADMIN_USER", Secret.fromSecretsManager(db, "username"));
        secrets.put("BELLA_DB_ADMIN_PASSWORD", Secret.fromSecretsManager(db, "password"));
        secrets.put("TWILIO_AUTH_TOKEN", Secret.fromSecretsManager(twilio, "auth-token"));
        secrets.put("OPENAI_API_KEY", Secret.fromSecretsManager(openai, "api-key"));
        data.cacheToken.ifPresent(token -> secrets.put("BELLA_REDIS_PASSWORD",
                Secret.fromSecretsManager(token, DataStack.CACHE_TOKEN_KEY)));
        return secrets;
    }
}
