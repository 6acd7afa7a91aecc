package dev.bella.stacks;

/** The stacks cannot be synthesized as asked (unknown environment, no Node.js, a CDK validation error). */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
