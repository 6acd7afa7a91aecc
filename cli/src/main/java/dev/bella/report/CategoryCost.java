package dev.bella.report;

import java.math.BigDecimal;
import java.util.List;

/** A category's lines and their subtotal. */
public record CategoryCost(Category category, List<LineItem> items, BigDecimal subtotal) {

    public CategoryCost {
        items = List.copyOf(items);
    }

    public static CategoryCost of(Category category, List<LineItem> items) {
        return new CategoryCost(category, items, Money.sum(items, LineItem::amount));
    }
}
