package dev.bella.booking.voice;

/** What the service says next: a question (and listen), or a last sentence (and hang up). */
public sealed interface Reply {

    String text();

    record Ask(String text) implements Reply {
    }

    record Goodbye(String text) implements Reply {
    }
}
