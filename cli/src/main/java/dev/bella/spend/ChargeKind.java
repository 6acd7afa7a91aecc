package dev.bella.spend;

/**
 * What a bill line is. Anything that is not usage stays a line of its own in the report, so a credit
 * never hides inside a service's usage and a reservation bought this month is not mistaken for usage.
 */
public enum ChargeKind {
    USAGE("usage", "usage"),
    CREDIT("credit", "credit"),
    REFUND("refund", "refund"),
    TAX("tax", "tax"),
    COMMITMENT_PURCHASE("commitment-purchase", "commitment purchase"),
    FEE("fee", "fee"),
    DISCOUNT("discount", "discount"),
    ADJUSTMENT("adjustment", "adjustment");

    private final String id;
    private final String label;

    ChargeKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Cost Explorer's RECORD_TYPE dimension values. */
    static ChargeKind fromRecordType(String recordType) {
        return switch (recordType) {
            case "Usage", "SavingsPlanCoveredUsage", "DiscountedUsage" -> USAGE;
            case "Credit" -> CREDIT;
            case "Refund" -> REFUND;
            case "Tax" -> TAX;
            case "Recurring reservation fee", "RIFee", "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee",
                 "Upfront reservation fee", "Reserved Instance fee" -> COMMITMENT_PURCHASE;
            case "Enterprise Discount Program Discount", "EdpDiscount", "Private Rate Card Discount",
                 "SavingsPlanNegation", "Savings Plan Negation", "BundledDiscount", "Bundled Discount",
                 "Solution Provider Program Discount", "Distributor Discount", "Discount", "PrivateRateDiscount",
                 "DistributorDiscount" -> DISCOUNT;
            case "Fee", "Support fee", "Support" -> FEE;
            default -> ADJUSTMENT;
        };
    }
}
