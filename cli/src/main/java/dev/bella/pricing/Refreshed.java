package dev.bella.pricing;

import java.util.List;

/**
 * What a refresh produced.
 *
 * @param yaml        the new price table, in the format {@code PriceTableLoader} reads
 * @param missingKeys keys a complete table needs that neither the Price List nor the existing table gave;
 *                    the table text lacks them, so a caller that needs a complete table treats this as an error
 * @param carriedKeys keys copied unchanged from the existing table (third parties, allowances, prices the
 *                    Price List does not publish), with their original source and date
 * @param warnings    things a person should look at, e.g. two products matching one key at different prices
 */
public record Refreshed(String yaml, List<String> missingKeys, List<String> carriedKeys, List<String> warnings) {

    public Refreshed {
        missingKeys = List.copyOf(missingKeys);
        carriedKeys = List.copyOf(carriedKeys);
        warnings = List.copyOf(warnings);
    }

    public boolean complete() {
        return missingKeys.isEmpty();
    }
}
