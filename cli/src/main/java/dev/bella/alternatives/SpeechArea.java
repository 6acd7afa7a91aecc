package dev.bella.alternatives;

import static dev.bella.alternatives.Risk.Constraint.CALL_QUALITY;
import static dev.bella.alternatives.Risk.Constraint.VOICE_RESPONSE;

import dev.bella.estimate.LlmLines;
import dev.bella.prices.PriceKeys;
import dev.bella.report.Category;
import dev.bella.report.LineItem;
import dev.bella.spec.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Speech recognition (Twilio's Gather against streaming the call to a per-second recognizer) and the language
 * model (the spec's against a smaller one and the local extractor alone). Both change third-party lines only.
 */
final class SpeechArea {

    private static final Set<String> LLM_LINES = Set.of("openai-input", "openai-output");

    private SpeechArea() {
    }

    /** The estimate's speech lines that streaming recognition replaces: Gathers that listen, and keypad ones. */
    private static final Set<String> GATHER_LINES = Set.of("twilio-speech", "twilio-keypad");

    static List<Option> options(Context ctx) {
        Usage u = ctx.env().usage();
        List<LineItem> thirdParty = ctx.lines(Category.THIRD_PARTY_APIS);
        List<Option> out = new ArrayList<>();
        out.add(ctx.current(Area.SPEECH_AND_LANGUAGE, "gather-" + u.llmModel(), "Twilio <Gather> speech recognition, "
                + u.llmModel() + " for " + u.llmShare().multiply(BigDecimal.valueOf(100)).stripTrailingZeros()
                .toPlainString() + "% of turns", List.of(), List.of()));

        List<LineItem> streaming = new ArrayList<>(without(thirdParty, GATHER_LINES));
        streaming.addAll(Formulas.streamingRecognition(ctx.prices(), ctx.calls(), u.minutesPerCall(),
                u.voice().billedMinutesPerCall()));
        out.add(ctx.option(Area.SPEECH_AND_LANGUAGE, "streaming-recognizer",
                "Stream the call to a per-second recognizer",
                ctx.replace(Map.of(Category.THIRD_PARTY_APIS, streaming)),
                List.of(Risk.high(CALL_QUALITY, "the service takes over endpointing, barge-in and re-prompts that "
                                + "<Gather> does: a websocket audio path to build and tune"),
                        Risk.medium(VOICE_RESPONSE, "partial results arrive while the caller speaks, but the audio "
                                + "path adds a hop; must be measured against 3 s")),
                Optional.empty(), List.of("Twilio Media Streams to Amazon Transcribe streaming", "the whole call is streamed: the recognizer bills every second of it, "
                        + "Twilio every started minute", "the spec cannot express the recognizer yet")));

        BigDecimal llmRequests = ctx.calls().multiply(BigDecimal.valueOf(u.turnsPerCall())).multiply(u.llmShare());
        String smaller = ctx.assumptions().smallerModel();
        if (!smaller.equals(u.llmModel())) {
            List<LineItem> small = new ArrayList<>(without(thirdParty, LLM_LINES));
            small.addAll(LlmLines.of(ctx.prices(), smaller, llmRequests, u.llmInputTokens(), u.llmOutputTokens()));
            out.add(ctx.option(Area.SPEECH_AND_LANGUAGE, "llm-" + smaller, "Smaller model: " + smaller,
                    ctx.replace(Map.of(Category.THIRD_PARTY_APIS, small)),
                    List.of(Risk.medium(CALL_QUALITY, "a smaller model misreads more hard utterances: each miss is a "
                            + "re-prompt, another speech Gather")),
                    Optional.of(new SpecChange(List.of("usage", "llm-model"), smaller)), List.of()));
        }
        out.add(ctx.option(Area.SPEECH_AND_LANGUAGE, "local-only", "Local extractor only (no LLM)",
                ctx.replace(Map.of(Category.THIRD_PARTY_APIS, without(thirdParty, LLM_LINES))),
                List.of(Risk.high(CALL_QUALITY, "the utterances the local extractor cannot read become re-prompts")),
                Optional.of(new SpecChange(List.of("usage", "llm-share"), "0")),
                List.of(breakEven(ctx, u))));
        return out;
    }

    /** How many re-prompts per thousand LLM requests would cost what the LLM does. */
    private static String breakEven(Context ctx, Usage u) {
        BigDecimal perRequest = ctx.prices().price(PriceKeys.llmInputMillionTokens(u.llmModel()))
                .multiply(BigDecimal.valueOf(u.llmInputTokens()))
                .add(ctx.prices().price(PriceKeys.llmOutputMillionTokens(u.llmModel()))
                        .multiply(BigDecimal.valueOf(u.llmOutputTokens())))
                .divide(Formulas.MILLION, Context.MC);
        BigDecimal reprompt = ctx.prices().price(PriceKeys.TWILIO_SPEECH_15S);
        BigDecimal perThousand = perRequest.multiply(BigDecimal.valueOf(1000)).divide(reprompt, 1, RoundingMode.HALF_UP);
        return "break-even: an LLM request costs $" + perRequest.setScale(6, RoundingMode.HALF_UP).toPlainString()
                + ", one re-prompt at least $" + reprompt.toPlainString() + " (a 15 s speech block): dropping the LLM "
                + "saves money only if it adds fewer than " + perThousand.toPlainString() + " re-prompts per 1,000 "
                + "utterances it would have read";
    }

    private static List<LineItem> without(List<LineItem> lines, Set<String> ids) {
        return lines.stream().filter(l -> !ids.contains(l.id())).toList();
    }
}
