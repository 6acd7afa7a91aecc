package dev.bella.spend;

import dev.bella.report.Category;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * A legacy AWS Cost and Usage Report (CSV, optionally gzipped). --metric amortized follows AWS's own
 * recipe: covered usage at its effective cost, the recurring and upfront commitment fees and the
 * Savings Plan negation lines dropped (their money is already in the covered usage).
 */
public record CurFile(Path file, ServiceCategories categories) implements SpendSource {

    private static final String COST = "lineItem/UnblendedCost";
    private static final String TYPE = "lineItem/LineItemType";
    private static final String START = "lineItem/UsageStartDate";
    private static final String FORMAT = "legacy CUR";

    @Override
    public String id() {
        return "cur";
    }

    @Override
    public Spend fetch(SpendQuery q) {
        if (q.metric() == Metric.NET_AMORTIZED) {
            throw new SpendException("--metric net-amortized needs the net columns a legacy CUR has only with "
                    + "discounts enabled; use unblended or amortized with --source cur:FILE");
        }
        return BillImporter.read(file, new BillImporter.Format(FORMAT, header -> columns(header, q)), id(), q);
    }

    private BillImporter.RowMapper columns(Map<String, Integer> header, SpendQuery q) {
        int[] at = BillImporter.require(header, FORMAT,
                header.containsKey("BilledCost") ? "; this looks like a FOCUS file: use --source focus:FILE" : "",
                COST, TYPE, START, "lineItem/ProductCode");
        int serviceCode = BillImporter.optional(header, "product/servicecode");
        int account = BillImporter.optional(header, "lineItem/UsageAccountId");
        int env = BillImporter.optional(header, "resourceTags/user:Environment");
        int spEffective = BillImporter.optional(header, "savingsPlan/SavingsPlanEffectiveCost");
        int riEffective = BillImporter.optional(header, "reservation/EffectiveCost");
        boolean amortized = q.metric() == Metric.AMORTIZED;
        return fields -> {
            String type = BillImporter.text(fields, at[1]);
            if (type == null) {
                throw new BillImporter.BadRow(TYPE + " is empty");
            }
            ChargeKind kind = ChargeKind.fromRecordType(type);
            // Tax rows carry no product/servicecode: fall back to the product code they are charged for
            String service = BillImporter.text(fields, serviceCode);
            service = service != null ? service : BillImporter.text(fields, at[3]);
            service = service != null ? service : "(no service code)";
            Category category = kind == ChargeKind.TAX ? Category.OTHER : categories.of(service);
            BigDecimal cost = BillImporter.amount(fields.get(at[0]), COST);
            if (amortized) {
                cost = switch (type) {
                    case "SavingsPlanCoveredUsage" -> BillImporter.amount(need(fields, spEffective,
                            "savingsPlan/SavingsPlanEffectiveCost"), "savingsPlan/SavingsPlanEffectiveCost");
                    case "DiscountedUsage" -> BillImporter.amount(need(fields, riEffective,
                            "reservation/EffectiveCost"), "reservation/EffectiveCost");
                    case "SavingsPlanNegation", "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee", "RIFee" ->
                            BigDecimal.ZERO;
                    default -> cost;
                };
            }
            return new BillImporter.Row(BillImporter.day(fields.get(at[2]), START),
                    BillImporter.text(fields, env), BillImporter.text(fields, account), service, category, kind, cost);
        };
    }

    private static String need(java.util.List<String> fields, int at, String column) throws BillImporter.BadRow {
        if (at < 0) {
            throw new BillImporter.BadRow("--metric amortized needs the column " + column);
        }
        return fields.get(at);
    }
}
