package dev.bella.spec;

/** CloudWatch Logs for the service. */
public record Logs(int retentionDays) {
}
