package dev.bella.report;

import java.math.BigDecimal;
import java.util.List;

/** A category's lines and their subtotal: the exact sum of the lines, rounded to the cent once. */
public record CategoryCost(Category category, List<LineItem> items, BigDecimal subtotal) {

    public CategoryCost {
        items = List.copyOf(items);
    }

    public static CategoryCost of(Category category, List<LineItem> items) {
        return new CategoryCost(category, items, Money.cents(exact(items)));
    }

    /** The unrounded sum of the lines (what totals add up before they round once). */
    public BigDecimal exact() {
        return exact(items);
    }

    private static BigDecimal exact(List<LineItem> items) {
        return items.stream().map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
