package dev.bella.prices;

/**
 * The names of the prices the estimate reads. Kept in one place so the tables, the refresher and the
 * estimate agree on spelling.
 */
public final class PriceKeys {

    private PriceKeys() {
    }

    public static String fargateVcpuHour(String architecture) {
        return "fargate." + architecture + ".vcpu-hour";
    }

    public static String fargateGbHour(String architecture) {
        return "fargate." + architecture + ".gb-hour";
    }

    /**
     * Hourly rate of Fargate vCPU under a Compute Savings Plan of this term and payment ({@code 1y}, {@code no-upfront}),
     * from the Savings Plans rates (DescribeSavingsPlansOfferingRates), not a ratio of on-demand.
     */
    public static String fargateSavingsPlanVcpuHour(String architecture, String term, String payment) {
        return "fargate." + architecture + ".vcpu-hour.savings-plan-" + term + "-" + payment;
    }

    public static String fargateSavingsPlanGbHour(String architecture, String term, String payment) {
        return "fargate." + architecture + ".gb-hour.savings-plan-" + term + "-" + payment;
    }

    /** Fraction off the on-demand Fargate price for Fargate Spot, e.g. 0.70. */
    public static final String FARGATE_SPOT_DISCOUNT = "fargate.spot-discount";
    /** Billing rule: a Fargate task's run is billed in increments of this many seconds, rounded up. */
    public static final String FARGATE_BILLING_INCREMENT = "fargate.billing-increment-seconds";
    /** Billing rule: every Fargate task run is billed at least this many seconds. */
    public static final String FARGATE_BILLING_MINIMUM = "fargate.billing-minimum-seconds";

    /** On-demand hourly price of an RDS PostgreSQL instance class, {@code deployment} single-az or multi-az. */
    public static String rdsHour(String engine, String instanceClass, String deployment) {
        return "rds." + engine + "." + instanceClass + "." + deployment;
    }

    /**
     * Effective hourly price of a reservation of this term ({@code 1y}, {@code 3y}) and payment ({@code no-upfront},
     * {@code partial-upfront}, {@code all-upfront}): the upfront fee spread over the term's hours plus the hourly rate,
     * both from the published reserved rates, never a ratio of on-demand.
     */
    public static String rdsReservedHour(String engine, String instanceClass, String deployment, String term,
                                         String payment) {
        return "rds." + engine + "." + instanceClass + ".reserved-" + term + "-" + payment + "." + deployment;
    }

    public static String rdsStorageGbMonth(String volumeType) {
        return "rds.storage." + volumeType + ".gb-month";
    }

    public static String cacheHour(String nodeType) {
        return "elasticache." + nodeType + ".on-demand";
    }

    /** As {@link #rdsReservedHour}, for an ElastiCache node. */
    public static String cacheReservedHour(String nodeType, String term, String payment) {
        return "elasticache." + nodeType + ".reserved-" + term + "-" + payment;
    }

    public static final String ALB_HOUR = "alb.hour";
    public static final String ALB_LCU_HOUR = "alb.lcu-hour";
    public static final String HTTP_API_MILLION_REQUESTS = "apigw.http.million-requests";
    public static final String HTTP_API_VPC_LINK_HOUR = "apigw.vpc-link.hour";
    public static final String CLOUD_MAP_INSTANCE_MONTH = "cloudmap.instance-month";
    public static final String PUBLIC_IPV4_HOUR = "vpc.public-ipv4.hour";
    public static final String NAT_GATEWAY_HOUR = "vpc.nat-gateway.hour";
    public static final String NAT_GATEWAY_GB = "vpc.nat-gateway.gb";
    public static final String DATA_TRANSFER_OUT_GB = "data-transfer.out.gb";
    /** Data transfer out to the internet that AWS does not bill each month (aggregated across services). */
    public static final String DATA_TRANSFER_OUT_FREE_GB = "data-transfer.out.free-gb";
    public static final String LOGS_INGESTION_GB = "logs.ingestion.gb";
    public static final String LOGS_STORAGE_GB_MONTH = "logs.storage.gb-month";
    /** CloudWatch Logs always-free allowance (ingestion and storage each), per month. */
    public static final String LOGS_FREE_GB = "logs.free-gb";

    public static String llmInputMillionTokens(String model) {
        return "openai." + model + ".input.million-tokens";
    }

    public static String llmOutputMillionTokens(String model) {
        return "openai." + model + ".output.million-tokens";
    }

    public static final String TWILIO_INBOUND_MINUTE = "twilio.voice.inbound.minute";
    public static final String TWILIO_NUMBER_MONTH = "twilio.number.month";
    /** Twilio bills {@code <Gather input="speech">} in 15-second blocks. */
    public static final String TWILIO_SPEECH_15S = "twilio.speech-recognition.15s";
    /** Billing rule: a call's duration is billed in increments of this many seconds, rounded up. */
    public static final String TWILIO_BILLING_INCREMENT = "twilio.voice.billing-increment";
    /** Billing rule: the length of one speech recognition block, in seconds. */
    public static final String TWILIO_SPEECH_BLOCK_SECONDS = "twilio.speech-recognition.block-seconds";
    /** What a keypad-only Gather costs in speech recognition (zero: the rule is priced, not assumed). */
    public static final String TWILIO_DTMF_ONLY_GATHER = "twilio.speech-recognition.dtmf-only-gather";
    /** Text-to-speech per 100 characters for the voice the service uses. */
    public static final String TWILIO_TTS_100_CHARACTERS = "twilio.tts.basic.100-characters";
}
