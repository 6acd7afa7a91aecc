package dev.bella.stacks;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * The deliberate trade-offs against the AwsSolutions rule pack (cdk-nag), each acknowledged on the construct
 * it concerns, with its reason. docs/stacks.md ("AwsSolutions checks") lists every reason;
 * {@code AwsSolutionsChecksTest} fails when a finding is neither fixed nor acknowledged here, and when a
 * reason is missing from that page.
 */
enum TradeOffs {

    SINGLE_AZ_DATABASE("AwsSolutions-RDS3", "the spec sets multi-az: false; RDS's automated recovery "
            + "meets the seed's availability goal at half the price of a standby"),
    DEV_DATABASE_DELETABLE("AwsSolutions-RDS10", "an unprotected environment's database is deleted with its "
            + "stack by design; protected environments have deletion protection"),
    DATABASE_DEFAULT_PORT("AwsSolutions-RDS11", "default port 5432: the database sits in isolated subnets and "
            + "admits only the service's security group, so another port hides nothing"),
    CACHE_DEFAULT_PORT("AwsSolutions-AEC5", "default port 6379: the cache sits in isolated subnets and admits "
            + "only the service's security group, so another port hides nothing"),
    SINGLE_NODE_CACHE("AwsSolutions-AEC4", "one cache node (the spec's nodes: 1): the cache only saves LLM "
            + "calls, and the service falls back to its in-process cache while Redis is away"),
    NO_SECRET_ROTATION("AwsSolutions-SMG4", "no automatic rotation: the rotation function must reach Secrets "
            + "Manager and the database from inside the VPC, which needs a NAT gateway or interface endpoints "
            + "this design does without; rotate by hand (docs/stacks.md)"),
    NO_FLOW_LOGS("AwsSolutions-VPC7", "no VPC flow logs: their ingestion would cost more than the service's "
            + "traffic; the API Gateway or ALB access log records every request from outside"),
    NO_CONTAINER_INSIGHTS("AwsSolutions-ECS4", "Container Insights off: it bills custom metrics per task; the "
            + "standard ECS and load balancer metrics feed the alarms and autoscaling"),
    PLAIN_VARIABLES("AwsSolutions-ECS2", "the plain variables are not secrets (port, endpoint URLs, timezone, "
            + "environment name); every secret is injected from Secrets Manager"),
    ECR_TOKEN("AwsSolutions-IAM5[Resource::*]", "the CDK's execution role policy: ecr:GetAuthorizationToken "
            + "accepts no resource but *; the image pull and log writes are scoped"),
    SCHEDULER_DESCRIBE("AwsSolutions-IAM5[Resource::*]", "describe and tag-search calls "
            + "(DescribeScalableTargets, tag:GetResources, DescribeCacheClusters) take no resource; every write "
            + "is scoped to this environment's service, scalable target or database"),
    SCHEDULER_TARGETS("AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:application-autoscaling:{region}:"
            + "<AWS::AccountId>:scalable-target/*]", "RegisterScalableTarget: a scalable target's ARN ends in a "
            + "generated id CloudFormation does not return and the stack cannot tag it, so IAM allows no "
            + "narrower scope than this account's and region's scalable targets; separate accounts close the rest"),
    TWILIO_SIGNED("AwsSolutions-APIG4", "Twilio cannot sign with SigV4 or send a JWT: every webhook carries "
            + "X-Twilio-Signature, which the service validates (403 otherwise); only POST /voice/* is routed"),
    PUBLIC_WEBHOOKS("AwsSolutions-EC23", "the load balancer is the public webhook endpoint: Twilio posts from "
            + "addresses it does not publish as a fixed list"),
    LOG_BUCKET_UNLOGGED("AwsSolutions-S1", "the bucket holds the load balancer's access log; logging access to "
            + "the log itself would need yet another bucket");

    private final String rule;
    private final String reason;

    TradeOffs(String rule, String reason) {
        this.rule = rule;
        this.reason = reason;
    }

    String rule() {
        return rule;
    }

    String reason() {
        return reason;
    }

    /** Acknowledges this trade-off on {@code construct} (and the CloudFormation resources under it). */
    void on(IConstruct construct) {
        // the spec's region is known at synth, so the finding names it
        String rule = this.rule.replace("{region}", Stack.of(construct).getRegion());
        if (rule.split("::", -1).length > 2) {
            // Validations.acknowledge reserves '::' for one prefix and refuses an id with more, but a finding
            // on a resource built from pseudo parameters (<AWS::Region>, ...) has several; the same record,
            // written directly, is what the rule pack reads (its ancestors' acknowledged-rules metadata)
            construct.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(rule, reason));
            return;
        }
        Validations.of(construct).acknowledge(Acknowledgment.builder().id(rule).reason(reason).build());
    }
}
