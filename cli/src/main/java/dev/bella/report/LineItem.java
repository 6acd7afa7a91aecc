package dev.bella.report;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One priced quantity: {@code quantity unit × unitPrice = amount}. A priced (estimated) line is rounded to the
 * cent here; an imported bill line keeps the provider's exact amount, and only subtotals and totals are
 * rounded, once, from the exact sums, so a report of a thousand sub-cent rows still adds up to the bill.
 *
 * @param priceKey the price-table key the unit price came from (empty for imported bills)
 * @param provider who charges it: {@code aws}, another cloud of a multi-provider FOCUS file (its ProviderName,
 *                 lower-cased: {@code microsoft}, {@code oracle}), or a third-party API ({@code twilio}, {@code openai})
 */
public record LineItem(String id, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal amount, Optional<String> priceKey, String provider) {

    public static final String AWS = "aws";

    /**
     * A line whose provider follows from its id: the estimate and the ledger name their Twilio and OpenAI lines
     * {@code twilio-…} and {@code openai-…}; everything else they price is AWS.
     */
    public LineItem(String id, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                    BigDecimal amount, Optional<String> priceKey) {
        this(id, description, quantity, unit, unitPrice, amount, priceKey, providerOf(id));
    }

    public static LineItem priced(String id, String description, BigDecimal quantity, String unit,
                                  BigDecimal unitPrice, String priceKey) {
        return new LineItem(id, description, quantity, unit, unitPrice, Money.cents(quantity.multiply(unitPrice)),
                Optional.of(priceKey));
    }

    public boolean isAws() {
        return AWS.equals(provider);
    }

    private static String providerOf(String id) {
        if (id.startsWith("twilio-")) {
            return "twilio";
        }
        return id.startsWith("openai-") ? "openai" : AWS;
    }
}
