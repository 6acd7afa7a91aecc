package dev.bella.prices;

import dev.bella.errors.BellaException;

/** The estimate needs a price the table does not have. */
public final class MissingPriceException extends BellaException {

    private final String key;

    public MissingPriceException(String table, String key) {
        super("price table " + table + " has no price for '" + key
                + "'; add it to the table or run `bella prices refresh`");
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public Outcome outcome() {
        return Outcome.USAGE;
    }
}
