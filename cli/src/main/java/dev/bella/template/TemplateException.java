package dev.bella.template;

import dev.bella.errors.BellaException;

/** A template or cloud assembly that cannot be read; the message names the file and what is wrong. */
public final class TemplateException extends BellaException {

    public TemplateException(String message) {
        super(message);
    }

    @Override
    public Outcome outcome() {
        return Outcome.USAGE;
    }
}
