package dev.bella.booking.extract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The appointment fields found in one utterance, each with a confidence in [0, 1]; {@code null} for a field not
 * found. {@code unresolved} lists fields the utterance talks about that the extractor could not pin down
 * ("sometime after lunch"): those, and low-confidence ones, are what the LLM tier is asked about.
 */
public record ExtractionResult(String name, String phone, LocalDate date, LocalTime time, String service,
                               DayPart dayPart, Map<Field, Double> confidence, Set<Field> unresolved,
                               Tier tier, TokenUsage tokens) {

    public static final ExtractionResult EMPTY = new ExtractionResult(null, null, null, null, null, null,
            Map.of(), Set.of(), Tier.LOCAL, TokenUsage.NONE);

    public ExtractionResult {
        EnumMap<Field, Double> c = new EnumMap<>(Field.class);
        confidence.forEach((f, v) -> {
            if (v < 0 || v > 1) throw new IllegalArgumentException("confidence out of [0,1]: " + f + "=" + v);
            c.put(f, v);
        });
        for (Field f : Field.values()) {
            if (value(f, name, phone, date, time, service) == null) c.remove(f);
            else if (!c.containsKey(f)) throw new IllegalArgumentException("no confidence for " + f);
        }
        confidence = Collections.unmodifiableMap(c);
        unresolved = unresolved.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unresolved));
        tokens = tokens == null ? TokenUsage.NONE : tokens;
    }

    private static Object value(Field f, String name, String phone, LocalDate date, LocalTime time, String service) {
        return switch (f) {
            case NAME -> name;
            case PHONE -> phone;
            case DATE -> date;
            case TIME -> time;
            case SERVICE -> service;
        };
    }

    public Object value(Field f) {
        return value(f, name, phone, date, time, service);
    }

    public boolean has(Field f) {
        return value(f) != null;
    }

    /** Confidence of a field, 0 when it was not found. */
    public double confidenceOf(Field f) {
        return confidence.getOrDefault(f, 0.0);
    }

    /** The appointment start in the business zone, when both date and time are known (a DST gap shifts forward). */
    public Optional<ZonedDateTime> startsAt(ZoneId zone) {
        return date == null || time == null ? Optional.empty() : Optional.of(ZonedDateTime.of(date, time, zone));
    }

    public ExtractionResult withTier(Tier t, TokenUsage usage) {
        return new ExtractionResult(name, phone, date, time, service, dayPart, confidence, unresolved, t, usage);
    }

    /** Morning/afternoon/evening said without an exact time ("tomorrow morning"): a window, not a time. */
    public enum DayPart {
        MORNING(LocalTime.of(8, 0), LocalTime.of(12, 0)),
        AFTERNOON(LocalTime.of(12, 0), LocalTime.of(17, 0)),
        EVENING(LocalTime.of(17, 0), LocalTime.of(21, 0));

        public final LocalTime from;
        public final LocalTime to;

        DayPart(LocalTime from, LocalTime to) {
            this.from = from;
            this.to = to;
        }
    }

    /** Fields found with at least this confidence. */
    public Set<Field> confidentFields(double threshold) {
        EnumSet<Field> s = EnumSet.noneOf(Field.class);
        confidence.forEach((f, c) -> { if (c >= threshold) s.add(f); });
        return s;
    }
}
