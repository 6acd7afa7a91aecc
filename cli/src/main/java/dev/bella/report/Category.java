package dev.bella.report;

/** The report's cost categories, the same for every source so an estimate and a bill line up. */
public enum Category {
    COMPUTE("compute", "Compute"),
    DATABASE("database", "Database"),
    CACHE("cache", "Cache"),
    NETWORKING("networking", "Networking (load balancer, IPs, NAT)"),
    STORAGE_AND_LOGS("storage-and-logs", "Storage, logs and data transfer"),
    THIRD_PARTY_APIS("third-party-apis", "Third-party APIs"),
    OTHER("other", "Other");

    private final String id;
    private final String label;

    Category(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** AWS spend, as opposed to Twilio and OpenAI. */
    public boolean isAws() {
        return this != THIRD_PARTY_APIS;
    }
}
