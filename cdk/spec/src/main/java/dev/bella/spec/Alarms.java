package dev.bella.spec;

import java.time.Duration;

/**
 * Thresholds of the operational alarms the service stack creates (to one SNS topic per environment).
 *
 * @param p99Latency        the seed's voice budget: a webhook answer slower than this at p99 is an incident
 * @param errorRatePercent  5xx responses as a percent of requests over five minutes
 * @param dbCpuPercent      RDS CPU utilisation
 * @param dbFreeStorageGb   RDS free storage, alarmed below this
 */
public record Alarms(Duration p99Latency, int errorRatePercent, int dbCpuPercent, int dbFreeStorageGb) {
}
