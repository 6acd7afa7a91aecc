package dev.bella.stacks;

import dev.bella.spec.Environment;
import dev.bella.spec.Ingress;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC and every security group, so that the rules between them live in one stack and no stack
 * depends on another in both directions. Without a NAT gateway (the default) the tasks run in public
 * subnets with a public IPv4 address each; with {@code nat-gateways: N} they move to private subnets.
 * The database and the cache always sit in isolated subnets.
 */
final class NetworkStack extends Stack {

    final Vpc vpc;
    final SecurityGroup service;
    final SecurityGroup database;
    /** Only when the spec has a Redis cache. */
    final java.util.Optional<SecurityGroup> cache;
    /** The ALB's or the VPC link's group, whichever the ingress uses. */
    final SecurityGroup ingress;
    /** The scheduler's one-off task, egress only (AWS APIs); only when the environment has a schedule. */
    final java.util.Optional<SecurityGroup> scheduler;

    private final int zones;

    NetworkStack(Construct scope, String id, StackProps props, Environment env) {
        super(scope, id, props);
        var net = env.network();
        zones = net.availabilityZones();
        List<SubnetConfiguration> subnets = new ArrayList<>();
        subnets.add(SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build());
        if (!net.publicTasks()) {
            subnets.add(SubnetConfiguration.builder().name("private").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                    .cidrMask(24).build());
        }
        subnets.add(SubnetConfiguration.builder().name("data").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24)
                .build());
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.0.0.0/16"))
                .maxAzs(net.availabilityZones())
                .natGateways(net.natGateways())
                .subnetConfiguration(subnets)
                // the restricting custom resource is a Lambda function: a cost and an asset for no gain here
                .restrictDefaultSecurityGroup(false)
                .build();
        TradeOffs.NO_FLOW_LOGS.on(vpc);

        service = group("Service", "the booking service tasks");
        database = group("Database", "the RDS instance");
        cache = env.cache() instanceof dev.bella.spec.Cache.Redis
                ? java.util.Optional.of(group("Cache", "the Redis cache")) : java.util.Optional.empty();
        scheduler = env.schedule().isPresent()
                ? java.util.Optional.of(group("Scheduler", "the dev scheduler one-off task")) : java.util.Optional.empty();
        int port = env.service().port();
        if (env.ingress() == Ingress.ALB) {
            ingress = group("LoadBalancer", "the load balancer");
            ingress.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from caller webhooks");
            ingress.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP, redirected or served");
        } else {
            ingress = group("VpcLink", "the API Gateway VPC link");
        }
        service.addIngressRule(ingress, Port.tcp(port), "webhooks from the ingress");
        database.addIngressRule(service, Port.tcp(5432), "PostgreSQL from the service");
        cache.ifPresent(c -> c.addIngressRule(service, Port.tcp(6379), "Redis from the service"));
    }

    /**
     * The spec's zone count, resolved at deploy time: without an account at synth the CDK would otherwise
     * assume two zones whatever {@code maxAzs} says, and {@code availability-zones: 3} would silently give two.
     */
    @Override
    public List<String> getAvailabilityZones() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < zones; i++) {
            names.add(Fn.select(i, Fn.getAzs()));
        }
        return names;
    }

    SubnetSelection taskSubnets(Environment env) {
        return SubnetSelection.builder()
                .subnetType(env.network().publicTasks() ? SubnetType.PUBLIC : SubnetType.PRIVATE_WITH_EGRESS).build();
    }

    SubnetSelection dataSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    private SecurityGroup group(String id, String what) {
        return SecurityGroup.Builder.create(this, id + "Group").vpc(vpc).description("bella: " + what)
                .allowAllOutbound(true).build();
    }
}
