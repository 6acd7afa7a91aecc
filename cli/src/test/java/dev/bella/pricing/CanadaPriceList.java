package dev.bella.pricing;

import static dev.bella.pricing.ProductJson.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Price List API answers for ca-central-1, cut down to the products Bella prices plus decoys
 * that share a usage type, an instance type or a family with them at another price (Valkey nodes,
 * readable-standby clusters, Outposts, REST APIs, idle addresses, Fargate Spot, ...).
 */
final class CanadaPriceList {

    static final String REGION = "ca-central-1";

    /** On-demand single-AZ RDS PostgreSQL; multi-AZ is twice this. */
    static final Map<String, String> RDS = new LinkedHashMap<>();
    static final Map<String, String> CACHE = new LinkedHashMap<>();
    static final BigDecimal NO_UPFRONT_SHARE = new BigDecimal("0.70");
    static final BigDecimal ALL_UPFRONT_SHARE = new BigDecimal("0.61");
    static final String CACHE_ALL_UPFRONT_FEE = "100";

    static {
        RDS.put("db.t3.micro", "0.020");
        RDS.put("db.t3.small", "0.040");
        RDS.put("db.t3.medium", "0.080");
        RDS.put("db.t4g.micro", "0.018");
        RDS.put("db.t4g.small", "0.036");
        RDS.put("db.t4g.medium", "0.072");
        CACHE.put("cache.t3.micro", "0.019");
        CACHE.put("cache.t3.small", "0.038");
        CACHE.put("cache.t4g.micro", "0.018");
        CACHE.put("cache.t4g.small", "0.036");
    }

    private CanadaPriceList() {
    }

    static List<String> fargate() {
        return List.of(
                fargate("CAN1-Fargate-vCPU-Hours:perCPU", "0.0445600000"),
                fargate("CAN1-Fargate-GB-Hours", "0.0048900000"),
                fargate("CAN1-Fargate-ARM-vCPU-Hours:perCPU", "0.0356500000"),
                fargate("CAN1-Fargate-ARM-GB-Hours", "0.0039100000"),
                fargate("CAN1-SpotUsage-Fargate-vCPU-Hours:perCPU", "0.0140000000"),
                fargate("CAN1-Fargate-EphemeralStorage-GB-Hours", "0.0001220000"));
    }

    private static String fargate(String usage, String usd) {
        return product("AmazonECS", "Compute", REGION, usage).onDemand("hours", usd).json();
    }

    static List<String> rdsInstances() {
        List<String> out = new ArrayList<>();
        RDS.forEach((cls, price) -> {
            out.add(rds(cls, "Single-AZ", "CAN1-InstanceUsage:" + cls, price).json());
            out.add(rds(cls, "Multi-AZ", "CAN1-Multi-AZUsage:" + cls, twice(price)).json());
        });
        // same class, other deployments and places: must not be taken for the region's own prices
        out.add(rds("db.t3.micro", "Single-AZ", "CAN1-InstanceUsage:db.t3.micro", "0.031")
                .attr("locationType", "AWS Outposts").json());
        out.add(rds("db.t4g.medium", "Multi-AZ (readable standbys)", "CAN1-Multi-AZClusterUsage:db.t4g.medium", "0.217")
                .json());
        return out;
    }

    private static ProductJson rds(String cls, String deployment, String usage, String onDemand) {
        BigDecimal od = new BigDecimal(onDemand);
        return product("AmazonRDS", "Database Instance", REGION, usage)
                .attr("instanceType", cls).attr("databaseEngine", "PostgreSQL").attr("deploymentOption", deployment)
                .attr("licenseModel", "No license required")
                .onDemand("Hrs", onDemand)
                .reserved("4NA7Y494T4", "1yr", "No Upfront", null, od.multiply(NO_UPFRONT_SHARE).toPlainString())
                .reserved("HU7G6KETJZ", "1yr", "All Upfront", allUpfrontFee(onDemand).toPlainString(), "0.0000000000")
                .reserved("38NPMPTW36", "3yr", "Partial Upfront", "150", "0.0060000000")
                .reserved("R5XV2EPZQW", "1yr", "Partial Upfront", "60", "0.0050000000")
                .reserved("NQ3QZPMQV9", "3yr", "All Upfront", "262.8", "0.0000000000");
    }

    /** The all-upfront fee the fixture sets for an on-demand hourly price: 61% of a year of it. */
    static BigDecimal allUpfrontFee(String onDemand) {
        return new BigDecimal(onDemand).multiply(ALL_UPFRONT_SHARE).multiply(BigDecimal.valueOf(8760))
                .setScale(0, RoundingMode.HALF_UP);
    }

    static String twice(String price) {
        return new BigDecimal(price).multiply(BigDecimal.TWO).toPlainString();
    }

    static List<String> rdsStorage() {
        return List.of(
                storage("CAN1-RDS:GP2-Storage", "General Purpose", "Single-AZ", "0.1270000000"),
                storage("CAN1-RDS:GP3-Storage", "General Purpose-GP3", "Single-AZ", "0.1270000000"),
                storage("CAN1-RDS:Multi-AZ-GP3-Storage", "General Purpose-GP3", "Multi-AZ", "0.2540000000"),
                storage("CAN1-RDS:PIOPS-Storage", "Provisioned IOPS", "Single-AZ", "0.1380000000"));
    }

    private static String storage(String usage, String volumeType, String deployment, String usd) {
        return product("AmazonRDS", "Database Storage", REGION, usage).attr("volumeType", volumeType)
                .attr("databaseEngine", "PostgreSQL").attr("deploymentOption", deployment)
                .onDemand("GB-Mo", usd).json();
    }

    static List<String> cache() {
        List<String> out = new ArrayList<>();
        CACHE.forEach((node, price) -> {
            out.add(cache(node, "Redis", price));
            out.add(cache(node, "Valkey", new BigDecimal(price).multiply(new BigDecimal("0.8")).toPlainString()));
            out.add(cache(node, "Memcached", twice(price)));
        });
        return out;
    }

    private static String cache(String node, String engine, String onDemand) {
        return product("AmazonElastiCache", "Cache Instance", REGION, "CAN1-NodeUsage:" + node)
                .attr("instanceType", node).attr("cacheEngine", engine)
                .onDemand("Hrs", onDemand)
                .reserved("4NA7Y494T4", "1yr", "No Upfront", null,
                        new BigDecimal(onDemand).multiply(NO_UPFRONT_SHARE).toPlainString())
                .reserved("HU7G6KETJZ", "1yr", "All Upfront", CACHE_ALL_UPFRONT_FEE, "0.0000000000")
                .reserved("R5XV2EPZQW", "1yr", "Partial Upfront", "52.56", "0.0040000000")
                .reserved("38NPMPTW36", "3yr", "Partial Upfront", "131.4", "0.0030000000")
                .reserved("NQ3QZPMQV9", "3yr", "All Upfront", "210.24", "0.0000000000")
                .json();
    }

    /**
     * Compute Savings Plans rates of ECS Fargate in ca-central-1 as DescribeSavingsPlansOfferingRates lists them
     * (searchResults members): per term and payment, x86 and ARM vCPU and GB. Fixture figures, chosen so each
     * key's rate is distinct; among them rows that must be left alone: EKS's Fargate, Windows, another region.
     */
    static List<String> savingsPlanRates() {
        List<String> out = new ArrayList<>();
        String[][] plans = {
            {"31536000", "No Upfront", "0.0356", "0.0039", "0.0285", "0.0031"},
            {"31536000", "Partial Upfront", "0.0343", "0.0037", "0.0274", "0.0030"},
            {"31536000", "All Upfront", "0.0336", "0.0036", "0.0269", "0.0029"},
            {"94608000", "No Upfront", "0.0267", "0.0029", "0.0214", "0.0023"},
            {"94608000", "Partial Upfront", "0.0250", "0.0027", "0.0200", "0.0022"},
            {"94608000", "All Upfront", "0.0241", "0.0026", "0.0193", "0.0021"}};
        int id = 0;
        for (String[] p : plans) {
            String offering = "0f" + (++id) + "a1b2c3-0000-4000-8000-00000000000" + id;
            out.add(rate(offering, p[0], p[1], "AmazonECS", "CAN1-Fargate-vCPU-Hours:perCPU", p[2], REGION));
            out.add(rate(offering, p[0], p[1], "AmazonECS", "CAN1-Fargate-GB-Hours", p[3], REGION));
            out.add(rate(offering, p[0], p[1], "AmazonECS", "CAN1-Fargate-ARM-vCPU-Hours:perCPU", p[4], REGION));
            out.add(rate(offering, p[0], p[1], "AmazonECS", "CAN1-Fargate-ARM-GB-Hours", p[5], REGION));
            out.add(rate(offering, p[0], p[1], "AmazonEKS", "CAN1-Fargate-vCPU-Hours:perCPU", "0.0999", REGION));
            out.add(rate(offering, p[0], p[1], "AmazonECS", "CAN1-Fargate-Windows-vCPU-Hours:perCPU", "0.0888", REGION));
            out.add(rate(offering, p[0], p[1], "AmazonECS", "USE1-Fargate-vCPU-Hours:perCPU", "0.0777", "us-east-1"));
        }
        return out;
    }

    private static String rate(String offering, String seconds, String payment, String service, String usage,
                               String rate, String region) {
        String years = seconds.equals("31536000") ? "1" : "3";
        return "{\"savingsPlanOffering\":{\"offeringId\":\"" + offering + "\",\"paymentOption\":\"" + payment
                + "\",\"planType\":\"Compute\",\"durationSeconds\":" + seconds + ",\"currency\":\"USD\","
                + "\"planDescription\":\"" + years + " year " + payment + " Compute Savings Plan\"},\"rate\":\""
                + rate + "\",\"unit\":\"Hrs\",\"productType\":\"Fargate\",\"serviceCode\":\"" + service
                + "\",\"usageType\":\"" + usage + "\",\"operation\":\"\",\"properties\":[{\"name\":\"region\","
                + "\"value\":\"" + region + "\"}]}";
    }

    /** A DescribeSavingsPlansOfferingRates response body (REST-JSON); {@code nextToken} null on the last page. */
    static String savingsPlanPage(List<String> rates, String nextToken) {
        return "{\"searchResults\":[" + String.join(",", rates) + "]"
                + (nextToken == null ? "" : ",\"nextToken\":\"" + nextToken + "\"") + "}";
    }

    static List<String> alb() {
        return List.of(
                elb("Load Balancer-Application", "CAN1-LoadBalancerUsage", "Hrs", "0.0247500000"),
                elb("Load Balancer-Application", "CAN1-LCUUsage", "LCU-Hrs", "0.0088000000"),
                elb("Load Balancer-Application", "CAN1-TS-LoadBalancerUsage", "Hrs", "0.0055000000"),
                // another family, which the family filter keeps out even when a server sends it
                elb("Load Balancer-Network", "CAN1-LoadBalancerUsage", "Hrs", "0.0247600000"));
    }

    private static String elb(String family, String usage, String unit, String usd) {
        return product("AWSELB", family, REGION, usage).onDemand(unit, usd).json();
    }

    static List<String> apiGateway() {
        return List.of(
                product("AmazonApiGateway", "API Calls", REGION, "CAN1-ApiGatewayHttpRequest")
                        .tiered("Requests", List.of("0", "300000000", "0.0000011000",
                                "300000000", "Inf", "0.0000010000")).json(),
                product("AmazonApiGateway", "API Calls", REGION, "CAN1-ApiGatewayRequest")
                        .tiered("Requests", List.of("0", "333000000", "0.0000038500",
                                "333000000", "Inf", "0.0000033000")).json());
    }

    static List<String> vpc() {
        return List.of(
                product("AmazonVPC", "VpcPublicIPv4Address", REGION, "CAN1-PublicIPv4:InUseAddress")
                        .onDemand("Hrs", "0.0050000000").json(),
                product("AmazonVPC", "VpcPublicIPv4Address", REGION, "CAN1-PublicIPv4:IdleAddress")
                        .onDemand("Hrs", "0.0050000000").json(),
                product("AmazonVPC", "VpcEndpoint", REGION, "CAN1-VpcEndpoint-Hours")
                        .onDemand("Hrs", "0.0110000000").json());
    }

    static List<String> nat() {
        return List.of(
                product("AmazonEC2", "NAT Gateway", REGION, "CAN1-NatGateway-Hours").onDemand("Hrs", "0.0500000000")
                        .json(),
                product("AmazonEC2", "NAT Gateway", REGION, "CAN1-NatGateway-Bytes").onDemand("GB", "0.0500000000")
                        .json());
    }

    /** Data transfer products name the region the data leaves, not a region of their own. */
    static List<String> transfer() {
        return List.of(product("AWSDataTransfer", "Data Transfer", REGION, "CAN1-DataTransfer-Out-Bytes")
                .without("regionCode").without("locationType")
                .attr("fromRegionCode", REGION).attr("fromLocationType", "AWS Region")
                .attr("toLocation", "External").attr("toLocationType", "Other")
                .attr("transferType", "AWS Outbound")
                .tiered("GB", List.of("0", "1", "0.0000000000", "1", "10240", "0.0900000000",
                        "10240", "51200", "0.0850000000"))
                .json());
    }

    static List<String> logs() {
        return List.of(
                product("AmazonCloudWatch", "Data Payload", REGION, "CAN1-DataProcessing-Bytes")
                        .onDemand("GB", "0.5500000000").json(),
                product("AmazonCloudWatch", "Data Payload Infrequent Access", REGION, "CAN1-DataProcessingIA-Bytes")
                        .onDemand("GB", "0.2750000000").json(),
                product("AmazonCloudWatch", "Storage Snapshot", REGION, "CAN1-TimedStorage-ByteHrs")
                        .onDemand("GB-Mo", "0.0330000000").json(),
                product("AmazonCloudWatch", "Data Payload", REGION, "CAN1-VendedLog-Bytes")
                        .tiered("GB", List.of("0", "10240", "0.5500000000", "10240", "Inf", "0.2750000000")).json());
    }
}
