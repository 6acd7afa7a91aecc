package dev.bella.template;

/** A template or cloud assembly that cannot be read; the message names the file and what is wrong. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
