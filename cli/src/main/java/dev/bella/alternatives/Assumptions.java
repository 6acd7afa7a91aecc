package dev.bella.alternatives;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the alternatives need to know that the spec does not say, in one place, printed with every report
 * (docs/alternatives.md explains each). The spec's usage (calls, minutes, turns, requests, tokens) is used
 * as it is for every option, so the options differ only in how they are built.
 */
record Assumptions(BigDecimal auroraBusyAcu, long auroraIoPerCall, int auroraPauseAfterMinutes, int ec2RootVolumeGb,
                   int ec2ReservedMib, BigDecimal lambdaSecondsPerRequest, int provisionedConcurrency,
                   BigDecimal dynamoReadUnitsPerLookup, BigDecimal dynamoWriteUnitsPerStore, String drRegion,
                   BigDecimal drReplicationGbPerMonth, int drHealthChecks, String smallerModel,
                   List<String> otherRegions) {

    static Assumptions defaults() {
        return new Assumptions(BigDecimal.ONE, 500, 5, 30, 512, new BigDecimal("0.3"), 1, new BigDecimal("0.5"),
                BigDecimal.ONE, "us-west-2", BigDecimal.valueOf(5), 1, "gpt-4.1-nano", List.of("us-east-1", "us-west-2"));
    }

    List<String> describe() {
        return List.of(
                "Aurora Serverless v2 holds its floor (0.5 ACU) while running and scales to " + auroraBusyAcu.toPlainString()
                        + " ACU while a call is in progress; " + auroraIoPerCall + " I/O requests per call",
                "Aurora scale-to-zero pauses after " + auroraPauseAfterMinutes + " idle minutes; calls are assumed not"
                        + " to overlap (an upper bound on awake hours)",
                "ECS on EC2: one task per Graviton instance, the smallest t4g with the task's vCPU and its memory plus "
                        + ec2ReservedMib + " MiB for the OS and the ECS agent; a " + ec2RootVolumeGb
                        + " GB gp3 root volume per instance",
                "Lambda: " + lambdaSecondsPerRequest.toPlainString() + " s per webhook at the task's memory and"
                        + " architecture; provisioned concurrency " + provisionedConcurrency
                        + "; in a VPC (to reach the database) it needs a NAT gateway to reach OpenAI and Twilio",
                "DynamoDB cache: one eventually consistent read (" + dynamoReadUnitsPerLookup.toPlainString()
                        + " RRU) per utterance, one write (" + dynamoWriteUnitsPerStore.toPlainString()
                        + " WRU) per LLM answer stored; storage within the 25 GB free tier",
                "Pilot-light DR in " + drRegion + ": a cross-region read replica of the database's class, "
                        + drReplicationGbPerMonth.toPlainString() + " GB a month replicated, " + drHealthChecks
                        + " Route 53 health check, the service at 0 tasks",
                "Free allowances (logs, data out, Lambda, CloudFront) go to the environment priced, as if it were the"
                        + " only one in the account");
    }
}
