package dev.bella.report;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One priced quantity: {@code quantity unit × unitPrice = amount}. The amount is rounded to the cent
 * once, here, so that every subtotal is the exact sum of the lines a reader sees.
 *
 * @param priceKey the price-table key the unit price came from (empty for imported bills)
 */
public record LineItem(String id, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal amount, Optional<String> priceKey) {

    public static LineItem priced(String id, String description, BigDecimal quantity, String unit,
                                  BigDecimal unitPrice, String priceKey) {
        return new LineItem(id, description, quantity, unit, unitPrice, Money.cents(quantity.multiply(unitPrice)),
                Optional.of(priceKey));
    }
}
