package dev.bella.spend;

import dev.bella.errors.BellaException;

/**
 * A provider outside AWS asked to be called again later (Twilio's 429): nothing is wrong with the command or the
 * credentials, so the exit is "retry later" (75), which a cron job can tell from a failure.
 */
public final class ProviderBusyException extends BellaException {

    public ProviderBusyException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Outcome outcome() {
        return Outcome.RETRY_LATER;
    }
}
