package dev.bella.prices;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The prices of one region. A price the estimate needs and the table lacks is an error naming the key,
 * never a silent zero: a zero would make an unknown instance class look free.
 */
public record PriceTable(String name, String region, String currency, SortedMap<String, PriceEntry> entries) {

    public PriceTable {
        // unmodifiable: a loader hands the same table to every spec it reads (PriceTableLoader)
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public Optional<PriceEntry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public BigDecimal price(String key) {
        PriceEntry e = entries.get(key);
        if (e == null) {
            throw new MissingPriceException(name, key);
        }
        return e.price();
    }

    public PriceEntry entry(String key) {
        PriceEntry e = entries.get(key);
        if (e == null) {
            throw new MissingPriceException(name, key);
        }
        return e;
    }

    public Map<String, PriceEntry> all() {
        return entries;
    }
}
