package dev.bella.booking.voice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.extract.CallContext;
import dev.bella.booking.extract.Extraction;
import dev.bella.booking.extract.Extractor;
import dev.bella.booking.ledger.CallLedger;
import dev.bella.booking.store.BookingStore;
import dev.bella.booking.store.BookingStore.BookResult;
import dev.bella.booking.store.BookingStore.CallRecord;
import dev.bella.booking.store.BookingStore.Range;
import dev.bella.booking.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Twilio's voice webhooks. Each webhook is one transaction: lock the call's row, return the
 * saved answer if this exact webhook was answered before (a Twilio retry), else run the flow, save the
 * state, the answer and the ledger usage together. A failing database never reaches Twilio as a 500: the
 * caller hears an apology and is asked to repeat, which retries the same turn.
 */
public final class VoiceService {

    private static final Logger log = LoggerFactory.getLogger(VoiceService.class);
    private static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "failed", "no-answer", "canceled");

    /** One webhook as the service needs it; {@code key} identifies the request across Twilio's retries. */
    public record Webhook(String key, String callSid, String from, String to, String speech, String digits,
                          String callStatus, Integer durationSeconds, String action) {
    }

    private final Database db;
    private final BookingStore store = new BookingStore();
    private final CallLedger ledger;
    private final VoiceFlow flow;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Counter calls;
    private final Counter bookings;
    private final Counter conflicts;
    private final Counter callbacks;
    private final Counter replays;
    private final MeterRegistry registry;
    private final boolean recogniseCallers;
    private final TurnDeadline deadline;

    /**
     * A turn's extraction budget: the OpenAI tier's own 2 s plus headroom, so a whole turn still answers well
     * inside Twilio's 15 s webhook timeout and the caller's patience.
     */
    public static final Duration TURN_BUDGET = Duration.ofMillis(2500);

    public VoiceService(BookingConfig config, Database db, Extractor extractor, Clock clock, MeterRegistry registry) {
        this(config, db, extractor, clock, registry, TURN_BUDGET);
    }

    /** @param extractionBudget how long one turn's extraction may take before the caller is asked again */
    public VoiceService(BookingConfig config, Database db, Extractor extractor, Clock clock, MeterRegistry registry,
                        Duration extractionBudget) {
        this.db = db;
        this.deadline = new TurnDeadline(extractor, extractionBudget);
        this.ledger = new CallLedger(config.prices(), config.flow().speakingRate());
        this.flow = new VoiceFlow(extractor, new Slots(config.hours(), config.zone(), config.slotLength()), config.zone(),
                config.flow());
        this.recogniseCallers = config.flow().recogniseCallers();
        this.clock = clock;
        this.zone = config.zone();
        this.registry = registry;
        this.calls = registry.counter("bella.calls");
        this.bookings = registry.counter("bella.bookings");
        this.conflicts = registry.counter("bella.booking.conflicts");
        this.callbacks = registry.counter("bella.callbacks.promised");
        this.replays = registry.counter("bella.webhook.replays");
    }

    /** A new call: greet and listen. */
    public String incoming(Webhook w) {
        return guarded(w, Twiml.action(1), () -> db.inTransaction(c -> {
            Instant now = clock.instant();
            Conversation start = opening(c, w.from());
            boolean created = store.insertCall(c, w.callSid(), w.from(), w.to(), write(start), now);
            store.lockCall(c, w.callSid());
            Optional<String> saved = store.savedResponse(c, w.key(), w.callSid());
            if (saved.isPresent()) {
                replays.increment();
                return saved.get();
            }
            if (!created) {
                // the call row was made by an earlier webhook (a turn that arrived first): keep its state
                start = read(store.lockCall(c, w.callSid()).orElseThrow().stateJson());
            }
            ledger.open(c, w.callSid(), now);
            if (created) {
                calls.increment();
                log.info("call started");
            }
            Reply.Ask greeting = flow.greeting(start);
            String twiml = Twiml.render(greeting, start.turn() + 1, flow.hints(start));
            ledger.asked(c, w.callSid(), true, greeting.text(), false, now);
            store.saveResponse(c, w.key(), w.callSid(), twiml);
            return twiml;
        }));
    }

    /** One answer (speech or keypad, or nothing when the caller stayed silent). */
    public String turn(Webhook w) {
        return guarded(w, w.action(), () -> {
            Instant at = clock.instant();
            CallContext said = new CallContext(at, zone, Conversation.callerId(w.from()));
            VoiceFlow.Input heard = new VoiceFlow.Input(w.speech(), w.digits());
            // extraction first, under the turn's budget and holding no connection: a slow or hung extraction
            // costs this caller a re-prompt, never a pooled connection or the service
            Extraction x = Extraction.EMPTY;
            if (!heard.speech().isEmpty()) {
                Optional<Extraction> got = deadline.extract(heard.speech(), said);
                if (got.isPresent()) {
                    x = got.get();
                } else {
                    registry.counter("bella.errors", "kind", "extraction-deadline").increment();
                    log.warn("extraction missed the turn's {} ms budget; asking the caller again",
                            deadline.budget().toMillis());
                    heard = new VoiceFlow.Input("", w.digits());
                }
            }
            return turn(w, heard, x);
        });
    }

    private String turn(Webhook w, VoiceFlow.Input heard, Extraction x) throws SQLException {
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            Optional<CallRecord> existing = store.lockCall(c, w.callSid());
            if (existing.isEmpty()) {
                // the incoming webhook never reached us (or failed): start the call here
                store.insertCall(c, w.callSid(), w.from(), w.to(), write(opening(c, w.from())), now);
                ledger.open(c, w.callSid(), now);
                existing = store.lockCall(c, w.callSid());
            }
            CallRecord call = existing.orElseThrow();
            Optional<String> saved = store.savedResponse(c, w.key(), w.callSid());
            if (saved.isPresent()) {
                replays.increment();
                log.info("webhook replayed; answering as before");
                return saved.get();
            }
            Conversation state = read(call.stateJson());
            CallContext ctx = new CallContext(now, zone, Conversation.callerId(call.from()));
            // what the caller did, as Twilio bills it: a speech answer that missed the extraction budget was still speech
            VoiceFlow.Input said = new VoiceFlow.Input(w.speech(), w.digits());
            ledger.answered(c, w.callSid(), !said.speech().isEmpty() ? CallLedger.AnsweredBy.SPEECH
                    : !said.digits().isEmpty() ? CallLedger.AnsweredBy.KEYPAD : CallLedger.AnsweredBy.SILENCE, now);
            VoiceFlow.Step step = flow.next(state, heard, x, ctx, calendar(c, w.callSid(), ctx.callerNumber()));
            store.updateCall(c, w.callSid(), write(step.state()), step.state().turn(), now);
            ledger.add(c, w.callSid(), step.usage());
            if (step.reply() instanceof Reply.Ask ask) {
                ledger.asked(c, w.callSid(), ask.listen() == Reply.Listen.SPEECH, ask.text(), ask.reprompt(), now);
            }
            String twiml = Twiml.render(step.reply(), step.state().turn() + 1, flow.hints(step.state()));
            store.saveResponse(c, w.key(), w.callSid(), twiml);
            return twiml;
        });
    }

    /** Twilio's status callback: the call's status and, at the end, its duration, which prices it. */
    public String status(Webhook w) {
        try {
            db.inTransaction(c -> {
                Instant now = clock.instant();
                store.insertCall(c, w.callSid(), w.from(), w.to(), write(Conversation.start(w.from())), now);
                store.lockCall(c, w.callSid());
                String status = w.callStatus() == null ? "unknown" : w.callStatus();
                store.updateCallStatus(c, w.callSid(), status, w.durationSeconds(), now);
                if (FINAL_STATUSES.contains(status)) {
                    ledger.complete(c, w.callSid(), now, now, w.durationSeconds() == null ? 0 : w.durationSeconds());
                    log.info("call ended: status={} duration={}s", status, w.durationSeconds());
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            // Twilio does not retry status callbacks; the ledger row stays unpriced and visible as such
            registry.counter("bella.errors", "kind", "status-callback").increment();
            log.error("status callback not recorded", e);
        }
        return Twiml.empty();
    }

    /**
     * A new call's state. A caller whose own number (From, which Twilio signs) is on file is greeted by the name
     * stored for that number: the same rule that lets only that number's caller rename its user.
     */
    private Conversation opening(Connection c, String from) throws SQLException {
        if (recogniseCallers && Conversation.usableNumber(from)) {
            Optional<BookingStore.Caller> caller = store.callerForMobile(c, from);
            if (caller.isPresent()) {
                return Conversation.returning(from, caller.get().name(), caller.get().answersBySpeech());
            }
        }
        return Conversation.start(from);
    }

    private interface Answer {
        String get() throws SQLException;
    }

    private String guarded(Webhook w, String retryAction, Answer answer) {
        try {
            return answer.get();
        } catch (SQLException | RuntimeException e) {
            registry.counter("bella.errors", "kind", e instanceof SQLException ? "database" : "internal").increment();
            log.error("webhook failed; apologising to the caller", e);
            return Twiml.apology(retryAction);
        }
    }

    private Calendar calendar(Connection c, String callSid, String callerNumber) {
        return new Calendar() {
            @Override
            public List<Range> booked(Instant from, Instant to) throws SQLException {
                return store.bookedBetween(c, from, to);
            }

            @Override
            public BookResult book(String name, String phone, Instant start, Instant end) throws SQLException {
                BookResult r = store.book(c, name, phone, start, end, callSid, callerNumber);
                switch (r) {
                    case BookResult.Booked b -> {
                        bookings.increment();
                        log.info("booked appointment {} at {}", b.appointmentId(), start);
                    }
                    case BookResult.Taken t -> {
                        conflicts.increment();
                        log.info("slot {} taken by another caller", start);
                    }
                }
                return r;
            }

            @Override
            public void rememberAnswers(boolean bySpeech) throws SQLException {
                if (Conversation.usableNumber(callerNumber)) {
                    store.rememberAnswers(c, callerNumber, bySpeech);
                }
            }

            @Override
            public void promiseCallback(String phone, String reason) throws SQLException {
                store.promiseCallback(c, callSid, phone, reason);
                callbacks.increment();
                log.info("callback promised: {}", reason);
            }
        };
    }

    private String write(Conversation c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state not serialisable", e);
        }
    }

    private Conversation read(String state) {
        try {
            return json.readValue(state, Conversation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation state unreadable", e);
        }
    }
}
