package dev.bella.prices;

import dev.bella.yaml.Position;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One price: its key, amount per unit, where it was read and on which day. */
public record PriceEntry(String key, BigDecimal price, String unit, String source, String url,
                         LocalDate date, Position definedAt) {
}
