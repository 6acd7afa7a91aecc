package dev.bella.booking.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the call flow spends Twilio's money, one setting per lever (docs/booking-service.md, "Call flow settings").
 * Each speech-enabled Gather bills speech recognition in 15 s blocks and every second of the call bills minutes,
 * so the levers are fewer speech Gathers and shorter ones.
 *
 * @param recogniseCallers a caller whose number is on file is greeted by name and not asked for it
 * @param keypadConfirm    the read-back listens for keys only ("press 1 to book, 2 to change"), which has no
 *                         speech charge; after a no-input it listens for speech too
 * @param shortPrompts     the short wording of every prompt (fewer seconds of listening per Gather)
 * @param speechHints      hints for weekdays, months and times on speech Gathers (fewer re-prompts)
 * @param maxReprompts     re-prompts in a row before the callback promise (0 to 2)
 * @param speakingRate     characters a second the text-to-speech voice reads, to state a prompt's length in seconds
 */
public record CallFlow(boolean recogniseCallers, boolean keypadConfirm, boolean shortPrompts, boolean speechHints,
                       int maxReprompts, BigDecimal speakingRate) {

    /** About 150 words a minute, Twilio's basic voice. */
    public static final BigDecimal DEFAULT_SPEAKING_RATE = new BigDecimal("14");
    /** The default: every lever on. */
    public static final CallFlow LEAN = new CallFlow(true, true, true, true, 2, DEFAULT_SPEAKING_RATE);
    /** The flow before the levers (issue 14's baseline), kept so the call-cost bench can compare the two. */
    public static final CallFlow CLASSIC = new CallFlow(false, false, false, false, 2, DEFAULT_SPEAKING_RATE);

    public CallFlow {
        if (maxReprompts < 0 || maxReprompts > 2) {
            throw new IllegalArgumentException("maxReprompts must be 0 to 2, got " + maxReprompts);
        }
    }

    static CallFlow read(Function<String, Optional<String>> env, Consumer<String> problem) {
        String preset = env.apply("BELLA_FLOW").orElse("lean").toLowerCase(Locale.ROOT);
        CallFlow base = switch (preset) {
            case "lean" -> LEAN;
            case "classic" -> CLASSIC;
            default -> {
                problem.accept("BELLA_FLOW must be lean or classic, got '" + preset + "'");
                yield LEAN;
            }
        };
        boolean callers = flag(env, problem, "BELLA_FLOW_RECOGNISE_CALLERS", base.recogniseCallers);
        boolean keypad = flag(env, problem, "BELLA_FLOW_KEYPAD_CONFIRM", base.keypadConfirm);
        boolean shortPrompts = flag(env, problem, "BELLA_FLOW_SHORT_PROMPTS", base.shortPrompts);
        boolean hints = flag(env, problem, "BELLA_FLOW_SPEECH_HINTS", base.speechHints);
        int reprompts = base.maxReprompts;
        Optional<String> r = env.apply("BELLA_FLOW_MAX_REPROMPTS");
        if (r.isPresent()) {
            if (r.get().matches("[0-2]")) {
                reprompts = Integer.parseInt(r.get());
            } else {
                problem.accept("BELLA_FLOW_MAX_REPROMPTS must be 0, 1 or 2, got '" + r.get() + "'");
            }
        }
        BigDecimal rate = base.speakingRate;
        Optional<String> s = env.apply("BELLA_SPEAKING_RATE");
        if (s.isPresent()) {
            try {
                rate = new BigDecimal(s.get());
                if (rate.compareTo(BigDecimal.valueOf(5)) < 0 || rate.compareTo(BigDecimal.valueOf(30)) > 0) {
                    problem.accept("BELLA_SPEAKING_RATE must be 5 to 30 characters a second, got " + s.get());
                    rate = base.speakingRate;
                }
            } catch (NumberFormatException e) {
                problem.accept("BELLA_SPEAKING_RATE must be a number of characters a second like 14, got '" + s.get() + "'");
            }
        }
        return new CallFlow(callers, keypad, shortPrompts, hints, reprompts, rate);
    }

    private static boolean flag(Function<String, Optional<String>> env, Consumer<String> problem, String name,
                                boolean fallback) {
        Optional<String> v = env.apply(name);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> {
                problem.accept(name + " must be true or false, got '" + v.get() + "'");
                yield fallback;
            }
        };
    }
}
