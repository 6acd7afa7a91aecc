package dev.bella.booking.extract;

/** OpenAI tokens spent on one extraction (zero for local and cached answers), for the call's cost ledger. */
public record TokenUsage(long promptTokens, long completionTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0) throw new IllegalArgumentException("negative token count");
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }

    public long total() { return promptTokens + completionTokens; }
}
