package dev.bella.booking.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The answer to "may I have your name?" is often the name alone ("Priya Patel."), with no cue the grammar
 * could key on. Only the call flow knows it just asked for the name, so it asks this class, and only then:
 * one to three capitalised words (speech recognition capitalises names), none of them a word a caller says
 * instead of a name. A lower confidence than a cued name, so a later "my name is …" wins.
 */
public final class BareName {

    static final double CONFIDENCE = 0.6;

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.!?,]+$");
    /** What callers put before a bare name: hesitations and "it's", "this is", "I'm". */
    private static final Pattern LEADING_CUE = Pattern.compile(
            "(?i)^(?:(?:um+|uh+|er+|erm|ah|oh|so|well|yeah|yes|okay|ok|sure|it's|it is|this is|i'm|i am|that's|that is)"
                    + "\\b[\\s,.]*)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SHAPE = Pattern.compile("\\p{Lu}[\\p{L}'-]*(\\s+\\p{Lu}[\\p{L}'-]*){0,2}");
    private static final Set<String> NOT_NAME = Set.of("and", "i", "i'd", "i'm", "calling", "looking", "want", "would",
            "like", "to", "for", "at", "on", "in", "the", "a", "an", "tomorrow", "today", "tonight", "next", "this",
            "please", "my", "phone", "number", "is", "it", "yes", "no", "yeah", "okay", "ok", "sure", "hello", "hi",
            "hey", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "book", "booking",
            "appointment", "um", "uh", "so", "just", "not", "can", "could", "from", "with", "sounds", "good",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "correct", "right", "perfect", "wrong", "nope", "thanks", "thank", "you",
            "first", "second", "one", "two", "that", "about", "here", "there", "noon", "morning", "afternoon",
            "evening", "sorry", "what", "repeat", "again", "wait", "hold", "bye", "goodbye");

    private BareName() {
    }

    public static Optional<Extracted<String>> in(String utterance) {
        String bare = TRAILING_PUNCTUATION.matcher(LEADING_CUE.matcher(utterance.strip()).replaceAll("").strip())
                .replaceAll("");
        if (!SHAPE.matcher(bare).matches()) {
            return Optional.empty();
        }
        for (String w : SPACES.split(bare)) {
            if (NOT_NAME.contains(w.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        }
        return Optional.of(new Extracted<>(bare, CONFIDENCE));
    }
}
