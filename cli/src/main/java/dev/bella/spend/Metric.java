package dev.bella.spend;

/** Which cost a report sums: what was billed (unblended) or commitments spread over the usage they cover. */
public enum Metric {
    UNBLENDED("UnblendedCost"), AMORTIZED("AmortizedCost"), NET_AMORTIZED("NetAmortizedCost");

    private final String costExplorerName;

    Metric(String costExplorerName) {
        this.costExplorerName = costExplorerName;
    }

    String costExplorerName() {
        return costExplorerName;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
