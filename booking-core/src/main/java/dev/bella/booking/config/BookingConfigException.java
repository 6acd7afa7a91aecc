package dev.bella.booking.config;

import java.util.List;

/** Every configuration problem found at start, each a line that names the variable and what it expects. */
public final class BookingConfigException extends RuntimeException {

    private final List<String> problems;

    public BookingConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
