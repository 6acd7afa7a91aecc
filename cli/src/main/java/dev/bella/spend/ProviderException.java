package dev.bella.spend;

/**
 * A provider outside AWS (Twilio, the booking ledger's database) refused or failed: credentials, network,
 * permissions. The CLI maps it like an AWS error (exit 3); the message says which provider and what to check.
 */
public final class ProviderException extends RuntimeException {

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
