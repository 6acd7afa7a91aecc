package dev.bella.spend;

import dev.bella.errors.BellaException;

/**
 * A provider outside AWS (Twilio, the booking ledger's database) refused or failed: credentials, network,
 * permissions. The CLI maps it like an AWS error (exit 3); the message says which provider and what to check.
 */
public final class ProviderException extends BellaException {

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Outcome outcome() {
        return Outcome.AWS;
    }
}
