package dev.bella.spend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.report.Category;
import dev.bella.report.LineItem;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A FOCUS 1.x cost export (CSV, optionally gzipped). BilledCost is what was invoiced; EffectiveCost
 * spreads commitment purchases over the usage they cover, so --metric amortized reads it instead.
 */
public record FocusFile(Path file, ServiceCategories categories) implements SpendSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "focus";
    }

    @Override
    public Spend fetch(SpendQuery q) {
        return BillImporter.read(file, new BillImporter.Format("FOCUS", header -> columns(header, q)), id(), q);
    }

    private BillImporter.RowMapper columns(Map<String, Integer> header, SpendQuery q) {
        String costColumn = q.metric() == Metric.UNBLENDED ? "BilledCost" : "EffectiveCost";
        int[] at = BillImporter.require(header, "FOCUS",
                header.containsKey("lineItem/UnblendedCost") ? "; this looks like a legacy CUR file: use --source cur:FILE" : "",
                costColumn, "ChargePeriodStart", "ChargeCategory", "ServiceName");
        int cost = at[0];
        int start = at[1];
        int chargeCategory = at[2];
        int serviceName = at[3];
        int serviceCategory = BillImporter.optional(header, "ServiceCategory");
        int provider = BillImporter.optional(header, "ProviderName");
        int commitment = BillImporter.optional(header, "CommitmentDiscountCategory");
        int tags = BillImporter.optional(header, "Tags");
        int subAccount = BillImporter.optional(header, "SubAccountId");
        boolean needTags = q.split() == SpendQuery.Split.ENVIRONMENT || q.environment().isPresent();
        return fields -> {
            ChargeKind kind = kind(BillImporter.text(fields, chargeCategory), BillImporter.text(fields, commitment));
            String service = BillImporter.text(fields, serviceName);
            String providerName = BillImporter.text(fields, provider);
            Category category = kind == ChargeKind.TAX ? Category.OTHER
                    : categories.of(service, BillImporter.text(fields, serviceCategory));
            String shown = service == null ? (kind == ChargeKind.TAX ? "Tax" : "(no service name)") : service;
            String providerId = provider(providerName);
            if (!providerId.equals(LineItem.AWS)) {
                shown = providerName + ": " + shown;
            }
            return new BillImporter.Row(BillImporter.day(fields.get(start), "ChargePeriodStart"),
                    needTags ? environment(BillImporter.text(fields, tags)) : null,
                    BillImporter.text(fields, subAccount), shown, category, kind,
                    BillImporter.amount(fields.get(cost), costColumn), providerId);
        };
    }

    /**
     * The provider's id: {@code aws} for AWS (FOCUS writes "AWS"; some exporters "Amazon Web Services"), else the
     * ProviderName lower-cased. A file without the column is taken to be AWS's own export.
     */
    static String provider(String providerName) {
        if (providerName == null || providerName.equals("AWS") || providerName.startsWith("Amazon")) {
            return LineItem.AWS;
        }
        return providerName.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static ChargeKind kind(String chargeCategory, String commitmentCategory) throws BillImporter.BadRow {
        if (chargeCategory == null) {
            throw new BillImporter.BadRow("ChargeCategory is empty");
        }
        return switch (chargeCategory) {
            case "Usage" -> ChargeKind.USAGE;
            case "Purchase" -> commitmentCategory != null ? ChargeKind.COMMITMENT_PURCHASE : ChargeKind.FEE;
            case "Tax" -> ChargeKind.TAX;
            case "Credit" -> ChargeKind.CREDIT;
            case "Adjustment" -> ChargeKind.ADJUSTMENT;
            default -> throw new BillImporter.BadRow("ChargeCategory: expected Usage, Purchase, Tax, Credit or "
                    + "Adjustment, found '" + chargeCategory + "'");
        };
    }

    /** The Environment tag from FOCUS's Tags column, a JSON object; AWS prefixes user tags with "user:". */
    static String environment(String tags) throws BillImporter.BadRow {
        if (tags == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(tags);
        } catch (JsonProcessingException e) {
            throw new BillImporter.BadRow("Tags: expected a JSON object, found '" + abbreviate(tags) + "'");
        }
        if (!node.isObject()) {
            throw new BillImporter.BadRow("Tags: expected a JSON object, found '" + abbreviate(tags) + "'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey().startsWith("user:") ? e.getKey().substring(5) : e.getKey();
            if (k.equalsIgnoreCase("environment") && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    static List<String> knownChargeCategories() {
        return List.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
    }
}
