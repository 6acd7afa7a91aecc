package dev.bella.pricing;

import static dev.bella.prices.PriceCatalog.CACHE_NODE_TYPES;
import static dev.bella.prices.PriceCatalog.RDS_ENGINE;
import static dev.bella.prices.PriceCatalog.RDS_INSTANCE_CLASSES;
import static dev.bella.prices.PriceCatalog.RESERVED_OPTIONS;

import dev.bella.prices.PriceCatalog.TermPayment;
import dev.bella.prices.PriceKeys;
import dev.bella.pricing.PriceRule.Quote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where each AWS price of the table lives in the Price List. Keys with no rule here (the Fargate Spot
 * discount, which floats; free allowances; HTTP API VPC links, which cost nothing; Cloud Map) are not
 * in the Price List as a price of their own and are carried over from the existing table.
 */
final class PriceRules {

    static final PriceQuery FARGATE = PriceQuery.of("AmazonECS", Map.of());
    static final PriceQuery RDS_INSTANCES = PriceQuery.of("AmazonRDS",
            Map.of("productFamily", "Database Instance", "databaseEngine", "PostgreSQL"));
    static final PriceQuery RDS_STORAGE = PriceQuery.of("AmazonRDS", Map.of("productFamily", "Database Storage"));
    static final PriceQuery CACHE = PriceQuery.of("AmazonElastiCache", Map.of("productFamily", "Cache Instance"));
    static final PriceQuery ALB = PriceQuery.of("AWSELB", Map.of("productFamily", "Load Balancer-Application"));
    static final PriceQuery API_GATEWAY = PriceQuery.of("AmazonApiGateway", Map.of());
    static final PriceQuery VPC = PriceQuery.of("AmazonVPC", Map.of());
    // NAT gateways are billed by EC2, not VPC; the family filter keeps EC2's huge list to one page
    static final PriceQuery NAT = PriceQuery.of("AmazonEC2", Map.of("productFamily", "NAT Gateway"));
    static final PriceQuery TRANSFER = new PriceQuery("AWSDataTransfer", "fromRegionCode",
            Map.of("transferType", "AWS Outbound"));
    static final PriceQuery LOGS = PriceQuery.of("AmazonCloudWatch", Map.of());

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final Map<String, String> DEPLOYMENTS = Map.of("single-az", "Single-AZ", "multi-az", "Multi-AZ");
    private static final Map<String, String> INSTANCE_USAGE = Map.of("single-az", "InstanceUsage:", "multi-az",
            "Multi-AZUsage:");
    /** The Price List's wording of each payment option. */
    static final Map<String, String> PAYMENTS = Map.of("no-upfront", "No Upfront", "partial-upfront",
            "Partial Upfront", "all-upfront", "All Upfront");
    private static final Map<String, String> VOLUME_TYPES = Map.of("gp2", "General Purpose", "gp3",
            "General Purpose-GP3");

    private PriceRules() {
    }

    static List<PriceRule> all() {
        List<PriceRule> rules = new ArrayList<>();
        for (String arch : List.of("x86", "arm64")) {
            String infix = arch.equals("arm64") ? "ARM-" : "";
            rules.add(onDemand(PriceKeys.fargateVcpuHour(arch), "vCPU-hour", FARGATE,
                    usage("Fargate-" + infix + "vCPU-Hours:perCPU")));
            rules.add(onDemand(PriceKeys.fargateGbHour(arch), "GB-hour", FARGATE, usage("Fargate-" + infix + "GB-Hours")));
        }
        for (String cls : RDS_INSTANCE_CLASSES) {
            for (String deployment : List.of("single-az", "multi-az")) {
                Predicate<PriceListProduct> instance = attribute("instanceType", cls)
                        .and(attribute("databaseEngine", "PostgreSQL"))
                        .and(attribute("deploymentOption", DEPLOYMENTS.get(deployment)))
                        .and(p -> p.usage().equals(INSTANCE_USAGE.get(deployment) + cls));
                rules.add(onDemand(PriceKeys.rdsHour(RDS_ENGINE, cls, deployment), "instance-hour", RDS_INSTANCES,
                        instance));
                for (TermPayment o : RESERVED_OPTIONS) {
                    rules.add(new PriceRule(PriceKeys.rdsReservedHour(RDS_ENGINE, cls, deployment, o.term(),
                            o.payment()), "instance-hour", RDS_INSTANCES, inRegion(instance),
                            Terms.reserved(o.term(), PAYMENTS.get(o.payment()))));
                }
            }
        }
        VOLUME_TYPES.forEach((volume, volumeType) -> rules.add(onDemand(PriceKeys.rdsStorageGbMonth(volume),
                "GB-month", RDS_STORAGE, attribute("volumeType", volumeType)
                        .and(attribute("deploymentOption", "Single-AZ"))
                        .and(p -> Set.of("PostgreSQL", "Any").contains(p.attribute("databaseEngine"))))));
        for (String node : CACHE_NODE_TYPES) {
            Predicate<PriceListProduct> redis = attribute("instanceType", node)
                    // the Price List still says Redis for Redis OSS; Valkey and Memcached are other prices
                    .and(p -> p.attribute("cacheEngine").startsWith("Redis"))
                    .and(usage("NodeUsage:" + node));
            rules.add(onDemand(PriceKeys.cacheHour(node), "node-hour", CACHE, redis));
            for (TermPayment o : RESERVED_OPTIONS) {
                rules.add(new PriceRule(PriceKeys.cacheReservedHour(node, o.term(), o.payment()), "node-hour", CACHE,
                        inRegion(redis), Terms.reserved(o.term(), PAYMENTS.get(o.payment()))));
            }
        }
        rules.add(onDemand(PriceKeys.ALB_HOUR, "hour", ALB, usage("LoadBalancerUsage")));
        rules.add(onDemand(PriceKeys.ALB_LCU_HOUR, "LCU-hour", ALB, usage("LCUUsage")));
        rules.add(new PriceRule(PriceKeys.HTTP_API_MILLION_REQUESTS, "million requests", API_GATEWAY,
                inRegion(usage("ApiGatewayHttpRequest")), Terms.onDemandTimes(MILLION)));
        rules.add(onDemand(PriceKeys.PUBLIC_IPV4_HOUR, "address-hour", VPC, usage("PublicIPv4:InUseAddress")));
        rules.add(onDemand(PriceKeys.NAT_GATEWAY_HOUR, "hour", NAT, usage("NatGateway-Hours")));
        rules.add(onDemand(PriceKeys.NAT_GATEWAY_GB, "GB", NAT, usage("NatGateway-Bytes")));
        rules.add(onDemand(PriceKeys.DATA_TRANSFER_OUT_GB, "GB", TRANSFER, usage("DataTransfer-Out-Bytes")));
        rules.add(onDemand(PriceKeys.LOGS_INGESTION_GB, "GB", LOGS, usage("DataProcessing-Bytes")));
        rules.add(onDemand(PriceKeys.LOGS_STORAGE_GB_MONTH, "GB-month", LOGS, usage("TimedStorage-ByteHrs")));
        return List.copyOf(rules);
    }

    private static PriceRule onDemand(String key, String unit, PriceQuery query, Predicate<PriceListProduct> matches) {
        Function<PriceListProduct, Optional<Quote>> price = Terms::onDemand;
        return new PriceRule(key, unit, query, inRegion(matches), price);
    }

    /**
     * Outposts and Local Zones share the region code with the region itself but have prices of their own;
     * only the region's products count.
     */
    private static Predicate<PriceListProduct> inRegion(Predicate<PriceListProduct> matches) {
        return matches.and(p -> p.attribute("locationType").isEmpty() || "AWS Region".equals(p.attribute("locationType")));
    }

    private static Predicate<PriceListProduct> usage(String usage) {
        return p -> p.usage().equals(usage);
    }

    private static Predicate<PriceListProduct> attribute(String name, String value) {
        return p -> value.equals(p.attribute(name));
    }
}
