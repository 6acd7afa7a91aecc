package dev.bella.yaml;

/** One thing wrong with a configuration file: where, and what was expected. */
public record Problem(Position at, String message) {

    @Override
    public String toString() {
        return at + ": " + message;
    }
}
