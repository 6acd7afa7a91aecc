package dev.bella.stacks;

import dev.bella.errors.BellaException;

/** The stacks cannot be synthesized as asked (unknown environment, no Node.js, a CDK validation error). */
public final class StackException extends BellaException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Outcome outcome() {
        return Outcome.USAGE;
    }
}
