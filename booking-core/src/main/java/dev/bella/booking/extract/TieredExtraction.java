package dev.bella.booking.extract;

import java.util.EnumSet;
import java.util.Set;

/** Local first; only what the local tier could not pin down goes to the LLM (through the cache). */
public final class TieredExtraction {

    /** Which fields of a local result deserve the LLM's opinion. */
    public record Policy(double threshold) {
        public static final Policy DEFAULT = new Policy(LocalExtractor.CONFIDENT);

        /**
         * Fields the utterance talks about that the local tier left unresolved or found below the threshold, minus
         * the ones the call already knows confidently and this turn did not try to change.
         */
        public Set<Field> fieldsForLlm(ExtractionResult local, ExtractionResult known) {
            EnumSet<Field> ask = EnumSet.noneOf(Field.class);
            ask.addAll(local.unresolved());
            for (Field f : Field.values()) {
                if (local.has(f) && local.confidenceOf(f) < threshold) ask.add(f);
            }
            for (Field f : Field.values()) {
                if (!local.has(f) && known.has(f) && known.confidenceOf(f) >= threshold) ask.remove(f);
            }
            ask.remove(Field.SERVICE);   // optional, never worth a paid call on its own
            return ask;
        }
    }
}
