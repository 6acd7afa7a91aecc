package dev.bella.prices;

import java.util.ArrayList;
import java.util.List;

/**
 * Which instance classes, node types and architectures the bundled price tables cover. {@link PriceKeys}
 * spells one key; this lists every key a complete table has, so the table tests and the refresher ask
 * for the same set and a class added here is priced everywhere or fails a test.
 */
public final class PriceCatalog {

    private PriceCatalog() {
    }

    public static final List<String> FARGATE_ARCHITECTURES = List.of("x86", "arm64");
    public static final String RDS_ENGINE = "postgres";
    public static final List<String> RDS_INSTANCE_CLASSES = List.of(
            "db.t3.micro", "db.t3.small", "db.t3.medium", "db.t4g.micro", "db.t4g.small", "db.t4g.medium");
    public static final List<String> RDS_DEPLOYMENTS = List.of("single-az", "multi-az");
    /**
     * The 1-year reservations every bundled table carries; the price is effective hourly, any upfront fee amortised
     * over 8760 hours.
     */
    public static final List<String> RESERVED_PAYMENTS = List.of("no-upfront", "all-upfront");

    /** A commitment's term ({@code 1y}, {@code 3y}) and payment option ({@code no-upfront}, ...), as keys spell them. */
    public record TermPayment(String term, String payment) {
    }

    /**
     * The reservations priced for RDS and ElastiCache: RDS offers no-upfront for 1 year only (AWS's reserved DB
     * instance pages), partial and all upfront for 1 and 3 years; the same set is read for ElastiCache.
     */
    public static final List<TermPayment> RESERVED_OPTIONS = List.of(new TermPayment("1y", "no-upfront"),
            new TermPayment("1y", "partial-upfront"), new TermPayment("1y", "all-upfront"),
            new TermPayment("3y", "partial-upfront"), new TermPayment("3y", "all-upfront"));

    /** Compute Savings Plans are sold for 1 and 3 years with each of the three payment options. */
    public static final List<TermPayment> SAVINGS_PLAN_OPTIONS = List.of(new TermPayment("1y", "no-upfront"),
            new TermPayment("1y", "partial-upfront"), new TermPayment("1y", "all-upfront"),
            new TermPayment("3y", "no-upfront"), new TermPayment("3y", "partial-upfront"),
            new TermPayment("3y", "all-upfront"));
    public static final List<String> RDS_VOLUME_TYPES = List.of("gp2", "gp3");
    public static final List<String> CACHE_NODE_TYPES = List.of(
            "cache.t3.micro", "cache.t3.small", "cache.t4g.micro", "cache.t4g.small");
    public static final List<String> LLM_MODELS = List.of("gpt-4o-mini");

    /** Keys AWS prices (what the Price List API can refresh) and that the estimate reads. */
    public static List<String> awsKeys() {
        List<String> keys = new ArrayList<>();
        for (String arch : FARGATE_ARCHITECTURES) {
            keys.add(PriceKeys.fargateVcpuHour(arch));
            keys.add(PriceKeys.fargateGbHour(arch));
        }
        keys.add(PriceKeys.FARGATE_SPOT_DISCOUNT);
        keys.add(PriceKeys.FARGATE_BILLING_INCREMENT);
        keys.add(PriceKeys.FARGATE_BILLING_MINIMUM);
        for (String cls : RDS_INSTANCE_CLASSES) {
            for (String deployment : RDS_DEPLOYMENTS) {
                keys.add(PriceKeys.rdsHour(RDS_ENGINE, cls, deployment));
                for (String payment : RESERVED_PAYMENTS) {
                    keys.add(PriceKeys.rdsReservedHour(RDS_ENGINE, cls, deployment, "1y", payment));
                }
            }
        }
        for (String volume : RDS_VOLUME_TYPES) {
            keys.add(PriceKeys.rdsStorageGbMonth(volume));
        }
        for (String node : CACHE_NODE_TYPES) {
            keys.add(PriceKeys.cacheHour(node));
            for (String payment : RESERVED_PAYMENTS) {
                keys.add(PriceKeys.cacheReservedHour(node, "1y", payment));
            }
        }
        keys.addAll(List.of(PriceKeys.ALB_HOUR, PriceKeys.ALB_LCU_HOUR, PriceKeys.HTTP_API_MILLION_REQUESTS,
                PriceKeys.HTTP_API_VPC_LINK_HOUR, PriceKeys.CLOUD_MAP_INSTANCE_MONTH, PriceKeys.PUBLIC_IPV4_HOUR,
                PriceKeys.NAT_GATEWAY_HOUR, PriceKeys.NAT_GATEWAY_GB, PriceKeys.DATA_TRANSFER_OUT_GB,
                PriceKeys.DATA_TRANSFER_OUT_FREE_GB, PriceKeys.LOGS_INGESTION_GB, PriceKeys.LOGS_STORAGE_GB_MONTH,
                PriceKeys.LOGS_FREE_GB));
        return List.copyOf(keys);
    }

    /**
     * Commitment rates beyond the 1-year reservations every table has: the other reservation terms and payments,
     * and the Compute Savings Plans rates for Fargate. `bella prices refresh` reads them (the Price List's reserved
     * terms, the Savings Plans rates API); a bundled table carries those it has a published figure for, and a spec
     * that needs one the table lacks is refused naming the key.
     */
    public static List<String> commitmentKeys() {
        List<String> keys = new ArrayList<>();
        for (String arch : FARGATE_ARCHITECTURES) {
            for (TermPayment o : SAVINGS_PLAN_OPTIONS) {
                keys.add(PriceKeys.fargateSavingsPlanVcpuHour(arch, o.term(), o.payment()));
                keys.add(PriceKeys.fargateSavingsPlanGbHour(arch, o.term(), o.payment()));
            }
        }
        for (String cls : RDS_INSTANCE_CLASSES) {
            for (String deployment : RDS_DEPLOYMENTS) {
                for (TermPayment o : RESERVED_OPTIONS) {
                    if (!inEveryTable(o)) {
                        keys.add(PriceKeys.rdsReservedHour(RDS_ENGINE, cls, deployment, o.term(), o.payment()));
                    }
                }
            }
        }
        for (String node : CACHE_NODE_TYPES) {
            for (TermPayment o : RESERVED_OPTIONS) {
                if (!inEveryTable(o)) {
                    keys.add(PriceKeys.cacheReservedHour(node, o.term(), o.payment()));
                }
            }
        }
        return List.copyOf(keys);
    }

    private static boolean inEveryTable(TermPayment o) {
        return o.term().equals("1y") && RESERVED_PAYMENTS.contains(o.payment());
    }

    /** Keys of the third parties (OpenAI, Twilio): the same in every region's table. */
    public static List<String> thirdPartyKeys() {
        List<String> keys = new ArrayList<>();
        for (String model : LLM_MODELS) {
            keys.add(PriceKeys.llmInputMillionTokens(model));
            keys.add(PriceKeys.llmOutputMillionTokens(model));
        }
        keys.addAll(List.of(PriceKeys.TWILIO_INBOUND_MINUTE, PriceKeys.TWILIO_NUMBER_MONTH, PriceKeys.TWILIO_SPEECH_15S,
                PriceKeys.TWILIO_BILLING_INCREMENT, PriceKeys.TWILIO_SPEECH_BLOCK_SECONDS, PriceKeys.TWILIO_DTMF_ONLY_GATHER,
                PriceKeys.TWILIO_TTS_100_CHARACTERS));
        return List.copyOf(keys);
    }

    /** Every key a complete table has. */
    public static List<String> allKeys() {
        List<String> keys = new ArrayList<>(awsKeys());
        keys.addAll(thirdPartyKeys());
        keys.addAll(alternativesKeys());
        return List.copyOf(keys);
    }

    /**
     * Keys `bella cost alternatives` prices the seed's technology alternatives with (Aurora, ECS on EC2, Lambda,
     * CloudFront, DynamoDB, streaming speech recognition, a second LLM, a disaster-recovery region). The Price
     * List refresher carries them over from the existing table.
     */
    public static List<String> alternativesKeys() {
        return List.of("aurora.postgres.serverless-v2.acu-hour", "aurora.postgres.db.t4g.medium.hour",
                "aurora.storage.gb-month", "aurora.io.million-requests", "ec2.t4g.micro.hour", "ec2.t4g.small.hour",
                "ec2.t4g.medium.hour", "ebs.gp3.gb-month", "dynamodb.on-demand.million-read-units",
                "dynamodb.on-demand.million-write-units", "transcribe.streaming.minute", "transcribe.streaming.minimum-seconds",
                "data-transfer.inter-region.gb",
                "lambda.arm64.gb-second", "lambda.x86.gb-second", "lambda.million-requests", "lambda.free.gb-seconds",
                "lambda.free.requests", "lambda.arm64.provisioned.gb-second",
                "lambda.arm64.provisioned-duration.gb-second", "lambda.x86.provisioned.gb-second",
                "lambda.x86.provisioned-duration.gb-second", "cloudfront.https.10k-requests", "cloudfront.data-out.gb",
                "cloudfront.free.requests", "cloudfront.free.gb", "route53.health-check.month",
                "openai.gpt-4.1-nano.input.million-tokens", "openai.gpt-4.1-nano.output.million-tokens",
                "twilio.media-streams.minute");
    }
}
