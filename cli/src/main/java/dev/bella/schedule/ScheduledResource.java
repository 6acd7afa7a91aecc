package dev.bella.schedule;

import java.util.Map;
import java.util.Optional;

/** A resource of the scheduled environment, as the Resource Groups Tagging API lists it, with its tags. */
public record ScheduledResource(Kind kind, String arn, Map<String, String> tags) {

    public static final String ENVIRONMENT_TAG = "Environment";
    public static final String MANAGED_TAG = "bella:managed";
    /** When bella last changed the resource's state (ISO instant): status's "since". */
    public static final String SINCE_TAG = "bella:state-since";

    public ScheduledResource {
        tags = Map.copyOf(tags);
    }

    /** The resource types schedule-dev acts on, by their Tagging API type filter. */
    public enum Kind {
        ECS_SERVICE("ecs:service"), RDS_INSTANCE("rds:db"), RDS_CLUSTER("rds:cluster"), CACHE("elasticache:cluster"),
        /** the snapshot a {@code cache: snapshot-delete} stop left behind: how a deleted cluster is found again */
        CACHE_SNAPSHOT("elasticache:snapshot");

        public final String typeFilter;

        Kind(String typeFilter) {
            this.typeFilter = typeFilter;
        }

        /** From an ARN such as {@code arn:aws:ecs:ca-central-1:123:service/dev/bella}. */
        static Optional<Kind> ofArn(String arn) {
            String[] p = arn.split(":", 7);
            if (p.length < 6) {
                return Optional.empty();
            }
            String service = p[2];
            String type = p[5].contains("/") ? p[5].substring(0, p[5].indexOf('/')) : p[5];
            for (Kind k : values()) {
                String[] f = k.typeFilter.split(":");
                if (f[0].equals(service) && f[1].equals(type)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** The short name: the ECS service name, the DB or cluster identifier. */
    public String name() {
        return switch (kind) {
            case ECS_SERVICE -> arn.substring(arn.lastIndexOf('/') + 1);
            case RDS_INSTANCE, RDS_CLUSTER, CACHE, CACHE_SNAPSHOT -> arn.substring(arn.lastIndexOf(':') + 1);
        };
    }

    /** A label for reports: {@code ecs-service/dev/bella}, {@code rds-instance/bella-dev}. */
    public String label() {
        return switch (kind) {
            case ECS_SERVICE -> "ecs-service/" + arn.substring(arn.indexOf(":service/") + ":service/".length());
            case RDS_INSTANCE -> "rds-instance/" + name();
            case RDS_CLUSTER -> "rds-cluster/" + name();
            case CACHE -> "cache/" + name();
            case CACHE_SNAPSHOT -> "cache/" + tag(CacheScheduler.CACHE_OF).orElse(name());
        };
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }
}
