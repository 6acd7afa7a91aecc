package dev.bella.booking.extract;

/** Where a result came from: the local grammar, a fresh OpenAI answer, or a cached OpenAI answer. */
public enum Tier { LOCAL, LLM, CACHE;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
