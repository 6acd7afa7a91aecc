package dev.bella.prices;

import dev.bella.yaml.Position;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One price: its key, amount per unit, where it was read and on which day, and the table's note on it
 * (null when it has none). The note travels with the price so that rewriting a table keeps it.
 */
public record PriceEntry(String key, BigDecimal price, String unit, String source, String url,
                         LocalDate date, Position definedAt, String note) {

    /** An entry without a note. */
    public PriceEntry(String key, BigDecimal price, String unit, String source, String url,
                      LocalDate date, Position definedAt) {
        this(key, price, unit, source, url, date, definedAt, null);
    }
}
