package dev.bella.spend;

import dev.bella.errors.BellaException;

/**
 * Input the user can fix: a malformed billing file, a period the source cannot serve, a ledger URL that
 * does not parse. The message is the one line the CLI prints (exit 2).
 */
public final class SpendException extends BellaException {

    public SpendException(String message) {
        super(message);
    }

    public SpendException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Outcome outcome() {
        return Outcome.USAGE;
    }
}
