package dev.bella.booking.extract;

import dev.bella.booking.ledger.CallLedger.Usage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The fields found in one utterance. Date and time are separate because callers give them in separate
 * turns ("next Tuesday" ... "at three"); {@code answer} is a yes or no to a question. {@code usage} is what
 * finding them cost (LLM tokens, cache hits), for the ledger.
 */
public record Extraction(
        Optional<Extracted<String>> name,
        Optional<Extracted<String>> phone,
        Optional<Extracted<LocalDate>> date,
        Optional<Extracted<LocalTime>> time,
        Optional<Extracted<Boolean>> answer,
        Usage usage) {

    public static final Extraction EMPTY = new Extraction(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Usage.NONE);

    public Extraction withName(Optional<Extracted<String>> other) {
        return new Extraction(other, phone, date, time, answer, usage);
    }

    /** This extraction without its date and time (the caller picked an offered slot instead). */
    public Extraction withoutWhen() {
        return new Extraction(name, phone, Optional.empty(), Optional.empty(), answer, usage);
    }

    public boolean isEmpty() {
        return name.isEmpty() && phone.isEmpty() && date.isEmpty() && time.isEmpty() && answer.isEmpty();
    }
}
