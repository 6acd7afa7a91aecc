package dev.bella.pricing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How one price key is read from the Price List: which call returns it, which product is the one, and
 * how its terms become the table's price (per unit the table uses).
 */
record PriceRule(String key, String unit, PriceQuery query, Predicate<PriceListProduct> matches,
                 Function<PriceListProduct, Optional<Quote>> price) {

    /** A price read from one product, with a note saying where it came from. */
    record Quote(BigDecimal price, String note) {
    }
}
