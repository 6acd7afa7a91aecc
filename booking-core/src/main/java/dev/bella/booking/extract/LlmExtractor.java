package dev.bella.booking.extract;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.RequestOptions;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paid tier: gpt-4o-mini through the official openai-java client, with a JSON-schema structured output, asked
 * only about the fields the local tier could not settle. Every call is time-boxed (2 s in all, at most one retry,
 * none after a 429), so a voice turn stays inside Twilio's 3-second budget; any failure yields empty and the
 * caller keeps the local result.
 */
public final class LlmExtractor {
    public static final String MODEL = "gpt-4o-mini";
    /** Part of every cache key: change it whenever the prompt or the answer schema changes. */
    public static final String PROMPT_VERSION = "extract-v2";
    /** An LLM answer never outranks a confident local reading. */
    static final double MAX_CONFIDENCE = 0.9;
    private static final Logger log = LoggerFactory.getLogger(LlmExtractor.class);

    private final OpenAIClient client;
    private final Duration budget;
    private final Clock clock;
    /** Set once the SDK's first-use cost is paid, so no caller's budget pays it. */
    private volatile boolean warm;

    public LlmExtractor(OpenAIClient client, Duration budget, Clock clock) {
        this.client = client;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * From the environment: off (empty) without {@code OPENAI_API_KEY}; {@code OPENAI_BASE_URL} overrides the
     * endpoint (tests, proxies). The SDK's own retries are off: they honour Retry-After, which could hold a voice
     * turn for a minute.
     */
    public static Optional<LlmExtractor> fromEnv(Map<String, String> env, Clock clock) {
        String key = env.get("OPENAI_API_KEY");
        if (key == null || key.isBlank()) return Optional.empty();
        String base = env.get("OPENAI_BASE_URL");
        return Optional.of(create(key, base == null || base.isBlank() ? null : baseUrl(base).toString(),
                Duration.ofSeconds(2), clock));
    }

    /**
     * OPENAI_BASE_URL checked: an http(s) URL whose path has the API version ({@code /v1}), as the SDK's default
     * {@code https://api.openai.com/v1} does. The SDK appends {@code /chat/completions} to it as given, so a base
     * without {@code /v1} would reach a path every OpenAI-compatible server answers with 404, turn after turn.
     *
     * @throws IllegalArgumentException with the one line to show, naming the variable and the expected form
     */
    public static URI baseUrl(String value) {
        String expected = "OPENAI_BASE_URL must be an http(s) URL that includes /v1, like https://api.openai.com/v1, got '"
                + value.strip() + "'";
        URI u;
        try {
            u = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(expected);
        }
        boolean web = "https".equals(u.getScheme()) || "http".equals(u.getScheme());
        boolean v1 = u.getPath() != null && Arrays.asList(u.getPath().split("/")).contains("v1");
        if (!web || u.getHost() == null || !v1 || u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException(expected);
        }
        return u;
    }

    public static LlmExtractor create(String apiKey, String baseUrl, Duration budget, Clock clock) {
        OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder().apiKey(apiKey).maxRetries(0).timeout(budget);
        if (baseUrl != null && !baseUrl.isBlank()) b.baseUrl(baseUrl);
        return new LlmExtractor(b.build(), budget, clock);
    }

    /** The structured answer; "" means not said. Public fields: the SDK derives the JSON schema from them. */
    public static final class Answer {
        @JsonPropertyDescription("Caller's full name as they gave it, or empty")
        public String name;
        @JsonPropertyDescription("Phone number the caller gave, digits with country code if said, or empty")
        public String phone;
        @JsonPropertyDescription("Requested appointment date as YYYY-MM-DD, resolved against the reference date, or empty")
        public String date;
        @JsonPropertyDescription("Requested appointment start time as 24-hour HH:MM, or empty")
        public String time;
        @JsonPropertyDescription("Your confidence in the name, 0 to 1")
        public double nameConfidence;
        @JsonPropertyDescription("Your confidence in the phone, 0 to 1")
        public double phoneConfidence;
        @JsonPropertyDescription("Your confidence in the date, 0 to 1")
        public double dateConfidence;
        @JsonPropertyDescription("Your confidence in the time, 0 to 1")
        public double timeConfidence;
    }

    /**
     * Loads what the SDK's first call would (schema generation, Jackson, Kotlin, OkHttp): seconds on a busy
     * machine, which must not land inside a caller's 3-second turn. Call once at service start.
     */
    public void warmUp() {
        params("warm up", UtteranceContext.of(clock.instant(), java.time.ZoneOffset.UTC, null), Set.of(Field.DATE));
        client.chat().completions();
        warm = true;
    }

    private static StructuredChatCompletionCreateParams<Answer> params(String utterance, UtteranceContext ctx,
                                                                       Set<Field> fields) {
        return ChatCompletionCreateParams.builder()
                .model(MODEL)
                .temperature(0.0)
                .maxCompletionTokens(120L)
                .addSystemMessage(systemPrompt(ctx, fields))
                .addUserMessage(utterance)
                .responseFormat(Answer.class)
                .build();
    }

    /** Asks about {@code fields} of one utterance; empty on timeout, rate limit, error or an unusable answer. */
    public Optional<ExtractionResult> extract(String utterance, UtteranceContext ctx, Set<Field> fields) {
        if (!warm) {
            warmUp();
        }
        // the budget is the model's: it starts when the request is ready, not while the SDK builds it
        StructuredChatCompletionCreateParams<Answer> params = params(utterance, ctx, fields);
        Instant start = clock.instant();
        Instant deadline = start.plus(budget);
        for (int attempt = 1; attempt <= 2; attempt++) {
            Duration left = attempt == 1 ? budget : Duration.between(clock.instant(), deadline);
            if (left.toMillis() < 200) return Optional.empty();
            TokenUsage billed = TokenUsage.NONE;
            try {
                StructuredChatCompletion<Answer> c = client.chat().completions()
                        .create(params, RequestOptions.builder().timeout(left).build());
                TokenUsage tokens = c.usage()
                        .map(u -> new TokenUsage(u.promptTokens(), u.completionTokens())).orElse(TokenUsage.NONE);
                billed = tokens;
                Optional<Answer> answer = c.choices().isEmpty() ? Optional.empty() : c.choices().get(0).message().content();
                // a refusal (no content) was billed all the same: its tokens must reach the ledger
                return Optional.of(answer.map(a -> toResult(a, fields, tokens)).orElseGet(() -> unusable(fields, tokens)));
            } catch (RateLimitException e) {
                log.warn("openai rate limited; keeping the local result");   // a retry could not fit the budget
                return Optional.empty();
            } catch (OpenAIServiceException e) {
                if (e.statusCode() < 500) {
                    log.warn("openai refused the request (HTTP {}); keeping the local result", e.statusCode());
                    return Optional.empty();
                }
                log.warn("openai HTTP {} on attempt {}", e.statusCode(), attempt);
            } catch (OpenAIIoException e) {
                log.warn("openai unreachable or slow on attempt {}: {}", attempt, e.getMessage());
            } catch (RuntimeException e) {
                // malformed JSON in the answer, schema mismatch: not worth a retry, but a 200 was billed
                log.warn("openai answer unusable: {}", e.toString());
                return billed.equals(TokenUsage.NONE) ? Optional.empty() : Optional.of(unusable(fields, billed));
            }
        }
        return Optional.empty();
    }

    /** The caller's local time to the minute: what the prompt tells the model, and what the cache key holds. */
    static java.time.LocalTime localMinute(UtteranceContext ctx) {
        return ctx.reference().atZone(ctx.zone()).toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    static String systemPrompt(UtteranceContext ctx, Set<Field> fields) {
        var now = ctx.reference().atZone(ctx.zone());
        return "You extract appointment details from one phone-call utterance (speech recognition output, may lack "
                + "punctuation). Reference: today is " + now.toLocalDate() + " (" + now.getDayOfWeek() + "), local time "
                + localMinute(ctx) + ", timezone " + ctx.zone() + ". Resolve relative dates against it; a "
                + "bare weekday is its next occurrence after today. Business hours " + ctx.hours().opens() + "-"
                + ctx.hours().closes() + " decide am/pm when not said. Fields wanted: " + fields
                + ". Leave a field empty unless the caller clearly gives one value for it (not alternatives, not a "
                + "refused one); after a correction use the corrected value.";
    }

    /**
     * The answer as a result. A value the model gave that does not parse (2026-02-30, 25:99, a phone that is no
     * number) is left out and its field marked unresolved, so the caller can tell "nothing said" from "nothing
     * valid" and not cache the latter.
     */
    /** A billed answer with nothing usable: the asked fields unresolved (so it is never cached), the tokens kept. */
    static ExtractionResult unusable(Set<Field> fields, TokenUsage tokens) {
        return new ExtractionResult(null, null, null, null, null, null, Map.of(), fields, Tier.LLM, tokens);
    }

    static ExtractionResult toResult(Answer a, Set<Field> fields, TokenUsage tokens) {
        Map<Field, Double> conf = new EnumMap<>(Field.class);
        Set<Field> invalid = EnumSet.noneOf(Field.class);
        String name = null, phone = null;
        LocalDate date = null;
        LocalTime time = null;
        if (fields.contains(Field.NAME) && present(a.name)) { name = a.name.strip(); conf.put(Field.NAME, cap(a.nameConfidence)); }
        if (fields.contains(Field.PHONE) && present(a.phone)) {
            phone = PhoneGrammar.e164(a.phone);
            if (phone != null) conf.put(Field.PHONE, cap(a.phoneConfidence));
            else invalid.add(Field.PHONE);
        }
        if (fields.contains(Field.DATE) && present(a.date)) {
            try { date = LocalDate.parse(a.date.strip()); conf.put(Field.DATE, cap(a.dateConfidence)); }
            catch (DateTimeParseException e) { date = null; invalid.add(Field.DATE); }
        }
        if (fields.contains(Field.TIME) && present(a.time)) {
            try { time = LocalTime.parse(a.time.strip()); conf.put(Field.TIME, cap(a.timeConfidence)); }
            catch (DateTimeParseException e) { time = null; invalid.add(Field.TIME); }
        }
        return new ExtractionResult(name, phone, date, time, null, null, conf, invalid, Tier.LLM, tokens);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static double cap(double c) {
        return Double.isNaN(c) ? 0 : Math.max(0, Math.min(MAX_CONFIDENCE, c));
    }
}
