package dev.bella.booking.extract;

import dev.bella.booking.extract.Tokens.Kind;
import dev.bella.booking.extract.Tokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names from the phrases callers use to give one ("my name is …", "this is …", "it's … calling", "under …",
 * "I'm …"). "I'm calling/looking/wondering …" is never a name: the word after a trigger must not be a common
 * English word, a date or time word, or a verb form.
 */
final class NameGrammar {

    /** Words that end a name or show the trigger was not introducing one. */
    static final Set<String> STOP = Set.copyOf(java.util.List.of(
            "a", "an", "the", "and", "or", "but", "so", "for", "from", "to", "at", "on", "in", "with", "about", "of",
            "by", "as", "regarding", "re", "i", "i'm", "im", "i'd", "i'll", "i've", "me", "my", "mine", "you", "your",
            "we", "our", "us", "he", "she", "they", "it", "it's", "its", "that", "this", "these", "those", "there",
            "here", "is", "was", "are", "be", "been", "am", "pm", "do", "does", "did", "have", "has", "had", "can",
            "could", "would", "will", "should", "may", "might", "must", "not", "no", "yes", "yeah", "yep", "ok",
            "okay", "hi", "hello", "hey", "um", "uh", "er", "hmm", "please", "thanks", "thank", "just", "actually",
            "sorry", "again", "also", "still", "really", "very", "too", "calling", "speaking", "looking", "wondering",
            "trying", "hoping", "interested", "available", "free", "good", "fine", "great", "well", "new", "back",
            "sure", "glad", "happy", "ready", "busy", "late", "early", "going", "gonna", "want", "wanna", "need",
            "like", "book", "booking", "schedule", "make", "get", "set", "cancel", "change", "move", "reschedule",
            "appointment", "call", "phone", "number", "name", "wait", "what", "who", "when", "where", "why", "how",
            "which", "if", "then", "than", "because", "all", "any", "some", "one", "name's", "names", "not",
            "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "noon", "week", "next", "last",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december",
            "oclock", "half", "quarter", "past", "after", "before", "around", "only", "still", "currently",
            "mister", "mr", "mrs", "ms", "miss", "dr", "doctor", "first", "last", "spelled", "spell", "correct",
            "right", "wrong", "done", "unable", "able", "off", "out", "up", "down", "over", "open", "closed", "same",
            "patient", "client", "customer", "someone", "somebody", "nobody", "everyone", "her", "him", "his",
            "their", "them", "calling", "checking", "following", "returning", "reaching", "phoning", "ringing"));
    private static final Set<String> TITLES = Set.of("mister", "mr", "mrs", "ms", "miss", "dr", "doctor");
    /** Hesitations a caller puts between "it's" and the name, or before the name: skipped, never part of it. */
    private static final Set<String> FILLERS = Set.of("um", "uh", "er", "erm", "ah", "uhm", "hmm", "mm");
    /** Words an utterance may open with before a leading name ("yeah hi, Dana Whitfield, and …"). */
    private static final Set<String> OPENERS = Set.of("hi", "hello", "hey", "yes", "yeah", "um", "uh", "er", "erm",
            "oh", "so", "well", "okay", "ok", "ah", "hmm", "good", "morning", "afternoon", "evening");

    private NameGrammar() {}

    static void find(List<Token> ts, List<Mention> out) {
        for (int i = 0; i < ts.size(); i++) {
            Token t = ts.get(i);
            int after = -1;
            double conf = 0;
            boolean needsCalling = false;
            if (t.is("name") && next(ts, i, "is")) { after = i + 2; conf = 0.95; }
            else if (t.is("name's") || (t.is("names") && i > 0 && ts.get(i - 1).is("my"))) { after = i + 1; conf = 0.95; }
            else if (t.is("this") && next(ts, i, "is")) { after = i + 2; conf = 0.85; }
            else if (t.is("under") && !next(ts, i, "the")) { after = i + 1; conf = 0.85; }
            else if (t.is("under") && next(ts, i, "the") && i + 2 < ts.size() && ts.get(i + 2).is("name")) {
                after = i + 3; conf = 0.9;
            }
            else if (t.isAny("it's", "its")) { after = i + 1; conf = 0.85; needsCalling = true; }
            else if (t.is("it") && next(ts, i, "is")) { after = i + 2; conf = 0.85; needsCalling = true; }
            else if (t.isAny("i'm", "im")) { after = i + 1; conf = 0.75; }
            else if (t.is("i") && next(ts, i, "am")) { after = i + 2; conf = 0.75; }
            else if (t.is("call") && next(ts, i, "me")) { after = i + 2; conf = 0.8; }
            if (after < 0) continue;
            List<String> parts = new ArrayList<>();
            int j = after;
            // "it's, um, Dana Whitfield": hesitations and titles before the name are skipped
            while (j < ts.size() && (TITLES.contains(ts.get(j).text()) || FILLERS.contains(ts.get(j).text()))) j++;
            boolean capitalised = true;
            for (; j < ts.size() && parts.size() < 3; j++) {
                Token w = ts.get(j);
                if (w.kind() != Kind.WORD || STOP.contains(w.text()) || w.text().length() < 2
                        || w.text().endsWith("ing") || w.text().endsWith("n't")) break;
                capitalised &= Character.isUpperCase(w.original().charAt(0));
                parts.add(capitalize(w.original()));
            }
            if (parts.isEmpty()) continue;
            // "it's …" is a name only before "calling/here/speaking", or when speech recognition capitalised a
            // first and last name ("it's Dana Whitfield"): "it's fine", "it's Tuesday" never are
            boolean spokenName = capitalised && parts.size() >= 2;
            if (needsCalling && !spokenName && !(j < ts.size() && ts.get(j).isAny("calling", "here", "speaking"))) continue;
            out.add(new Mention(Field.NAME, String.join(" ", parts), i, j, conf));
        }
        // "spelled s m y t h e": letters one by one
        for (int i = 0; i < ts.size(); i++) {
            if (!ts.get(i).isAny("spelled", "spell", "spelling")) continue;
            StringBuilder b = new StringBuilder();
            int j = i + 1;
            for (; j < ts.size() && ts.get(j).kind() == Kind.WORD && ts.get(j).text().length() == 1; j++) {
                b.append(ts.get(j).text());
            }
            if (b.length() >= 2) out.add(new Mention(Field.NAME, capitalize(b.toString()), i, j, 0.8));
        }
        // "Ana Silva here/speaking/calling" opening an utterance
        int k = 0;
        while (k < ts.size() && ts.get(k).isAny("hi", "hello", "hey", "yes", "yeah", "um", "uh", "oh")) k++;
        List<String> parts = new ArrayList<>();
        int j = k;
        for (; j < ts.size() && parts.size() < 3; j++) {
            Token w = ts.get(j);
            if (w.kind() != Kind.WORD || STOP.contains(w.text()) || w.text().length() < 2 || w.text().endsWith("ing")) break;
            parts.add(capitalize(w.original()));
        }
        if (!parts.isEmpty() && j < ts.size() && ts.get(j).isAny("here", "speaking", "calling")) {
            out.add(new Mention(Field.NAME, String.join(" ", parts), k, j + 1, 0.8));
        } else {
            leadingName(ts, out);
        }
    }

    /**
     * "Dana Whitfield, and my number is …": a first and last name opening the utterance, capitalised by speech
     * recognition, with no cue. Two to three capitalised words that are not common words; a lower confidence
     * than a cued name.
     */
    private static void leadingName(List<Token> ts, List<Mention> out) {
        int k = 0;
        while (k < ts.size() && ts.get(k).kind() == Kind.WORD && OPENERS.contains(ts.get(k).text())) k++;
        List<String> parts = new ArrayList<>();
        int j = k;
        for (; j < ts.size() && parts.size() < 3; j++) {
            Token w = ts.get(j);
            if (w.kind() != Kind.WORD || STOP.contains(w.text()) || w.text().length() < 2
                    || !Character.isUpperCase(w.original().charAt(0)) || w.text().endsWith("ing")) break;
            parts.add(capitalize(w.original()));
        }
        if (parts.size() >= 2) {
            out.add(new Mention(Field.NAME, String.join(" ", parts), k, j, 0.7));
        }
    }

    private static boolean next(List<Token> ts, int i, String w) {
        return i + 1 < ts.size() && ts.get(i + 1).is(w);
    }

    /** A name as said: "MacLeod" and "DeShawn" keep their capitals; an all lower- or upper-case word is capitalised. */
    private static String capitalize(String w) {
        if (!w.equals(w.toLowerCase(Locale.ROOT)) && !w.equals(w.toUpperCase(Locale.ROOT))) {
            return w;
        }
        String low = w.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(low.length());
        boolean up = true;
        for (char c : low.toCharArray()) {
            b.append(up ? Character.toUpperCase(c) : c);
            up = c == '-' || c == '\'' || c == '’';
        }
        return b.toString();
    }
}
