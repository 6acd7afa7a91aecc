package dev.bella.rightsize;

/** What can be rightsized: the ECS service, the RDS instance, the ElastiCache node. */
public enum Kind {
    SERVICE("service"), DATABASE("database"), CACHE("cache");

    public final String id;

    Kind(String id) {
        this.id = id;
    }

    public static java.util.Optional<Kind> byId(String id) {
        for (Kind k : values()) {
            if (k.id.equals(id)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
