package dev.bella.rightsize;

import dev.bella.errors.BellaException;

/** AWS answered, but the resource rightsizing was pointed at does not exist there. */
public final class ResourceNotFoundException extends BellaException {

    public ResourceNotFoundException(String message) {
        super(message);
    }

    @Override
    public Outcome outcome() {
        return Outcome.AWS;
    }
}
