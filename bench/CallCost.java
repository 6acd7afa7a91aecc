import dev.bella.booking.BookingApp;
import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.http.ScriptedCall;
import dev.bella.prices.PriceTableLoader;
import dev.bella.prices.VoicePriceModel;
import dev.bella.prices.VoiceUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays bench/call-cost/corpus.tsv through the real booking service on the embedded default (embedded
 * PostgreSQL, local extractor, HTTP with Twilio signatures) in modelled time, and prints per call and on
 * average what Twilio would bill for it.
 *
 * The caller is reactive: each corpus row is a caller's intent and habits (says everything at once or not,
 * keypad or voice for yes/no, silent once, corrects once, wants a taken slot), and the caller answers what the
 * service's TwiML asks. Time is modelled, not measured: a prompt lasts its characters at SPEAKING_RATE; an
 * answer lasts its words at CALLER_WORDS_PER_SECOND plus the end-of-speech pause; a keypad answer KEYPAD_SECONDS,
 * and a keyed-in number DIGIT_SECONDS more for each further key and the closing #;
 * silence the Gather's timeout. The service runs on a clock the bench advances by those amounts, so the
 * ledger sees the same seconds the bench models.
 *
 * Usage: java -cp bella-booking.jar bench/CallCost.java CORPUS DATA_DIR [ENV=VALUE...]
 */
public class CallCost {

    static final ZoneId ZONE = ZoneId.of("America/Toronto");
    static final Instant START = ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, ZONE).toInstant();
    /** Twilio's <Say> reads about 150 words a minute: ~14 characters a second of English text. */
    static final double SPEAKING_RATE = 14.0;
    static final double CALLER_WORDS_PER_SECOND = 2.5;
    /** speechTimeout="auto": the pause after the caller stops before Twilio posts the result. */
    static final double END_OF_SPEECH = 1.0;
    static final double KEYPAD_SECONDS = 1.5;
    /** Each further key of a number the caller knows, and the closing #: about two keys a second. */
    static final double DIGIT_SECONDS = 0.5;
    static final double SILENCE_SECONDS = 5.0;
    static final int MAX_EXCHANGES = 16;

    static final class ModelClock extends Clock {
        volatile Instant now = START;

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(double seconds) { now = now.plusMillis(Math.round(seconds * 1000)); }
    }

    record Persona(String id, String kind, String from, String storedName, String name, String nameSay, String opening,
                   String when, LocalDate date, LocalTime time, String confirm, boolean silenceFirst, String correction,
                   String corrected, String whenAfter, boolean taken, String phoneSay) {
        static Persona parse(String line) {
            String[] f = line.split("\t", -1);
            return new Persona(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], LocalDate.parse(f[8]),
                    LocalTime.parse(f[9]), f[10], f[11].equals("1"), f[12], f[13], f[14], f[15].equals("1"), f[16]);
        }

        LocalTime expectedTime() {
            return corrected.matches("\\d\\d:\\d\\d") ? LocalTime.parse(corrected) : time;
        }
    }

    record Gather(String input, String prompt) {
        boolean speech() { return input.contains("speech"); }
        boolean dtmf() { return input.contains("dtmf"); }
    }

    record Result(Persona p, int turns, int speechGathers, int keypadGathers, int reprompts, double seconds,
                  int billedMinutes, int speechBlocks, boolean booked, String transcript) {
    }

    static final Pattern GATHER = Pattern.compile("<Gather([^>]*)>(.*?)</Gather>", Pattern.DOTALL);
    static final Pattern SAY = Pattern.compile("<Say[^>]*>(.*?)</Say>", Pattern.DOTALL);
    static final Pattern INPUT = Pattern.compile("\\binput=\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Map<String, String> env = new HashMap<>();
        env.put("BELLA_PORT", "0");
        env.put("BELLA_DATA_DIR", data.toString());
        // the embedded default generates a token per data dir unless one is given: the bench signs with its own
        env.put("TWILIO_AUTH_TOKEN", BookingConfig.LOCAL_DEV_TWILIO_TOKEN);
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            env.put(kv[0], kv[1]);
        }
        List<Persona> personas = Files.readAllLines(corpus).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(Persona::parse).toList();
        speakers = speakers(personas);
        ModelClock clock = new ModelClock();
        List<Result> results = new ArrayList<>();
        Map<String, BigDecimal> ledgerCost = new HashMap<>();
        try (BookingApp app = BookingApp.start(BookingConfig.fromEnv(env, data), clock)) {
            seed(app, personas);
            ScriptedCall twilio = new ScriptedCall(HttpClient.newHttpClient(), app.publicUrl(),
                    BookingConfig.LOCAL_DEV_TWILIO_TOKEN);
            int n = 0;
            for (Persona p : personas) {
                results.add(play(twilio, clock, p, "CA" + String.format("%032d", ++n)));
            }
            results = checkBookings(app, results);
            ledgerCost.putAll(ledger(app));
        }
        report(results, ledgerCost);
    }

    static void seed(BookingApp app, List<Persona> personas) throws Exception {
        app.database().inTransaction(c -> {
            for (Persona p : personas) {
                if (p.kind().equals("returning")) {
                    // what the service learned from their last call under the same caller model: a voice caller
                    // let its keypad read-back go by, unless callers press the key they are told to
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO users (mobile, name, answers_by_speech) VALUES (?, ?, ?)")) {
                        ps.setString(1, p.from());
                        ps.setString(2, p.storedName());
                        ps.setBoolean(3, speakers.contains(p.id()));
                        ps.executeUpdate();
                    }
                }
            }
            long other;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (mobile, name) VALUES ('+15149999999', 'Other Caller') RETURNING id");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                other = rs.getLong(1);
            }
            for (Persona p : personas) {
                if (p.taken()) {
                    Instant start = p.date().atTime(p.time()).atZone(ZONE).toInstant();
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO appointments (user_id, starts_at, ends_at) VALUES (?, ?, ?)")) {
                        ps.setLong(1, other);
                        ps.setTimestamp(2, Timestamp.from(start));
                        ps.setTimestamp(3, Timestamp.from(start.plus(Duration.ofMinutes(30))));
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    static Result play(ScriptedCall twilio, ModelClock clock, Persona p, String sid) throws Exception {
        StringBuilder log = new StringBuilder();
        double seconds = 0;
        int turns = 0, speech = 0, keypad = 0, blocks = 0, reprompts = 0;
        boolean silenced = false, corrected = false, pressedChange = false;
        String when = p.when();
        var last = checked(twilio.post("/voice/incoming", ScriptedCall.callFields(sid, p.from(), "+15145550000")));
        for (int i = 0; i < MAX_EXCHANGES; i++) {
            Matcher g = GATHER.matcher(last.body());
            if (!g.find()) {
                String bye = says(last.body());
                seconds += bye.length() / SPEAKING_RATE;
                log.append(" | ").append(bye);
                break;
            }
            Matcher in = INPUT.matcher(g.group(1));
            Gather gather = new Gather(in.find() ? in.group(1) : "speech", says(g.group(2)));
            String q = gather.prompt().toLowerCase(Locale.ROOT);
            if (q.contains("didn't catch") || q.contains("missed that")) {
                reprompts++;
            }
            String answer;  // "" silence, "dtmf:N" a key, else speech
            boolean isConfirm = q.contains("shall i book") || q.contains("to confirm") || q.contains("press 1 to book");
            if (p.silenceFirst() && !silenced) {
                silenced = true;
                answer = "";
            } else if (isConfirm) {
                if (!p.correction().equals("-") && !corrected) {
                    if (gather.speech()) {
                        answer = p.correction();
                        corrected = true;
                        when = p.whenAfter();
                    } else {
                        answer = "dtmf:2";
                        pressedChange = true;
                    }
                } else if (keys(p, gather)) {
                    answer = gather.dtmf() ? "dtmf:1" : "yes";
                } else {
                    answer = gather.speech() ? "yes, that's right" : "";  // says yes to a keypad-only Gather
                }
            } else if (q.contains("nearest free")) {
                answer = keys(p, gather) && gather.dtmf() ? "dtmf:1" : "the first one please";
            } else if (pressedChange && !corrected) {
                answer = p.correction();
                corrected = true;
                when = p.whenAfter();
            } else if (i == 0 && !p.kind().equals("returning")) {
                answer = p.opening();
            } else if (i == 0) {
                answer = q.contains("name") ? p.opening() : when;
            } else if (q.contains("name") && (q.contains("day") || q.contains("time"))) {
                answer = p.nameSay() + ", " + when;
            } else if (q.contains("name")) {
                answer = p.nameSay();
            } else if (q.contains("number") && !gather.speech()) {
                // asked to key in a number: a keypad caller does (digits, then #); a number said to a keys-only
                // Gather is heard as silence
                answer = keys(p, gather) && !p.phoneSay().equals("-") ? "dtmf:" + p.phoneSay().replaceAll("\\D", "") : "";
            } else if (q.contains("number")) {
                answer = p.phoneSay().equals("-") ? "the number I'm calling from" : p.phoneSay();
            } else {
                answer = when;
            }
            double promptSeconds = gather.prompt().length() / SPEAKING_RATE;
            int keys = answer.startsWith("dtmf:") ? answer.length() - 5 : 0;
            double answerSeconds = answer.isEmpty() ? SILENCE_SECONDS
                    : keys == 1 ? KEYPAD_SECONDS : keys > 1 ? KEYPAD_SECONDS + DIGIT_SECONDS * keys
                    : answer.split("\\s+").length / CALLER_WORDS_PER_SECOND + END_OF_SPEECH;
            boolean heard = !answer.isEmpty() && (answer.startsWith("dtmf:") ? gather.dtmf() : gather.speech());
            double listened = promptSeconds + answerSeconds;
            clock.advance(listened);
            seconds += listened;
            if (gather.speech()) {
                speech++;
                blocks += (int) Math.ceil(listened / 15.0);
            } else {
                keypad++;
            }
            turns++;
            log.append(" | ").append(gather.input()).append(": ").append(gather.prompt()).append(" > ")
                    .append(heard ? answer : "(" + (answer.isEmpty() ? "silence" : "unheard: " + answer) + ")");
            Optional<String> next = ScriptedCall.nextAction(last.body());
            Map<String, String> fields = ScriptedCall.callFields(sid, p.from(), "+15145550000");
            if (heard && answer.startsWith("dtmf:")) {
                fields.put("Digits", answer.substring(5));
            } else if (heard) {
                fields.put("SpeechResult", answer);
                fields.put("Confidence", "0.92");
            }
            last = checked(twilio.post(next.orElseThrow(), fields));
        }
        int duration = (int) Math.ceil(seconds);
        Map<String, String> status = ScriptedCall.callFields(sid, p.from(), "+15145550000");
        status.put("CallStatus", "completed");
        status.put("CallDuration", String.valueOf(duration));
        checked(twilio.post("/voice/status", status));
        clock.advance(30);
        return new Result(p, turns, speech, keypad, reprompts, seconds, (duration + 59) / 60, blocks, false,
                sid + log);
    }

    /** A webhook the service refuses (403 on a wrong signature, 5xx) stops the bench: no figures from calls that never ran. */
    static ScriptedCall.Exchange checked(ScriptedCall.Exchange answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("the service answered " + answer.status() + " to " + answer.path()
                    + ": " + answer.body());
        }
        return answer;
    }

    /**
     * Whether the caller answers a yes/no, a choice or a number on the keypad. A "keypad" caller always does; a
     * "voice" caller among the {@link #speakers} speaks, even to a keypad-only prompt; any other presses the key a
     * keypad-only prompt asks for.
     */
    static boolean keys(Persona p, Gather gather) {
        return p.confirm().equals("keypad") || (!speakers.contains(p.id()) && !gather.speech());
    }

    /** The callers who speak to a keypad-only prompt (heard as silence), by id. */
    static Set<String> speakers = Set.of();

    /**
     * Who speaks to keypad prompts: by default every "voice" caller of the corpus (40%: the pessimistic model);
     * none with CALL_COST_CALLERS=follow; with CALL_COST_VOICE_SHARE=P the first P x calls of them in corpus order
     * (a seeded shuffle, so an unbiased subset), to find the share at which a target holds.
     */
    static Set<String> speakers(List<Persona> personas) {
        List<String> voice = personas.stream().filter(p -> p.confirm().equals("voice")).map(Persona::id).toList();
        if ("follow".equals(System.getenv("CALL_COST_CALLERS"))) {
            return Set.of();
        }
        String share = System.getenv("CALL_COST_VOICE_SHARE");
        if (share == null) {
            return Set.copyOf(voice);
        }
        double p = Double.parseDouble(share);
        long n = Math.round(p * personas.size());
        if (p < 0 || n > voice.size()) {
            throw new IllegalArgumentException("CALL_COST_VOICE_SHARE must be 0 to " + voice.size() + "/"
                    + personas.size() + " (the corpus's voice callers), got " + share);
        }
        return Set.copyOf(voice.subList(0, (int) n));
    }

    static String says(String twiml) {
        StringBuilder b = new StringBuilder();
        Matcher m = SAY.matcher(twiml);
        while (m.find()) {
            b.append(m.group(1).replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&")
                    .replace("&lt;", "<").replace("&gt;", ">"));
        }
        return b.toString();
    }

    static List<Result> checkBookings(BookingApp app, List<Result> results) throws Exception {
        Map<String, String> booked = app.database().inTransaction(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.call_sid, u.name, a.starts_at FROM appointments a"
                    + " JOIN users u ON u.id = a.user_id WHERE a.call_sid IS NOT NULL AND a.status = 'booked'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2) + "@" + rs.getTimestamp(3).toInstant());
                }
            }
            return out;
        });
        List<Result> checked = new ArrayList<>();
        for (Result r : results) {
            String sid = r.transcript().substring(0, r.transcript().indexOf(' '));
            String got = booked.get(sid);
            Instant expected = r.p().date().atTime(r.p().expectedTime()).atZone(ZONE).toInstant();
            // a slot can be taken by the corpus itself (an earlier caller accepted it as an alternative): then
            // any time the caller accepted counts, as it does for the slots the bench booked beforehand
            boolean told = r.transcript().contains("already taken") || r.transcript().contains("just booked");
            boolean ok = got != null && got.startsWith(r.p().name() + "@")
                    && (r.p().taken() || told || got.endsWith("@" + expected));
            checked.add(new Result(r.p(), r.turns(), r.speechGathers(), r.keypadGathers(), r.reprompts(), r.seconds(),
                    r.billedMinutes(), r.speechBlocks(), ok, r.transcript() + (ok ? "" : " || booked: " + got)));
        }
        return checked;
    }

    /** The ledger's own cost per call, when the ledger prices calls (column cost_usd). */
    static Map<String, BigDecimal> ledger(BookingApp app) throws Exception {
        return app.database().inTransaction(c -> {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT call_sid, cost_usd FROM call_costs");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBigDecimal(2) != null) {
                        out.put(rs.getString(1), rs.getBigDecimal(2));
                    }
                }
            }
            return out;
        });
    }

    static void report(List<Result> results, Map<String, BigDecimal> ledger) {
        System.out.println("id\tkind\tturns\tspeech\tkeypad\treprompts\tseconds\tbilled_min\tspeech_blocks\tledger_usd\tbooked");
        for (Result r : results) {
            String sid = r.transcript().substring(0, r.transcript().indexOf(' '));
            System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%.1f\t%d\t%d\t%s\t%s%n", r.p().id(), r.p().kind(),
                    r.turns(), r.speechGathers(), r.keypadGathers(), r.reprompts(), r.seconds(), r.billedMinutes(),
                    r.speechBlocks(), Optional.ofNullable(ledger.get(sid)).map(BigDecimal::toPlainString).orElse("-"),
                    r.booked() ? "yes" : "NO");
            if (!r.booked() || System.getenv("CALL_COST_TRANSCRIPTS") != null) {
                System.err.println(r.p().id() + " " + r.transcript());
            }
        }
        int n = results.size();
        double turns = results.stream().mapToInt(Result::turns).sum() / (double) n;
        double speech = results.stream().mapToInt(Result::speechGathers).sum() / (double) n;
        double keypad = results.stream().mapToInt(Result::keypadGathers).sum() / (double) n;
        double reprompts = results.stream().mapToInt(Result::reprompts).sum() / (double) n;
        double seconds = results.stream().mapToDouble(Result::seconds).sum() / n;
        double minutes = results.stream().mapToInt(Result::billedMinutes).sum() / (double) n;
        double blocks = results.stream().mapToInt(Result::speechBlocks).sum() / (double) n;
        long booked = results.stream().filter(Result::booked).count();
        BigDecimal ledgerTotal = ledger.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        System.out.printf(Locale.ROOT, "calls %d%nturns per call %.2f%nspeech gathers per call %.2f%n"
                        + "keypad gathers per call %.2f%nre-prompts per call %.2f%nmodelled seconds per call %.1f%n"
                        + "billed minutes per call %.2f%nspeech blocks per call %.2f%nbooking success %d/%d (%.1f%%)%n",
                n, turns, speech, keypad, reprompts, seconds, minutes, blocks, booked, n, 100.0 * booked / n);
        if (!ledger.isEmpty()) {
            BigDecimal perCall = ledgerTotal.divide(BigDecimal.valueOf(ledger.size()), 6, RoundingMode.HALF_UP);
            System.out.println("ledger cost per call (USD) " + perCall + " over " + ledger.size() + " priced calls");
            // the estimate's side: the same averages through the voice price model the estimate uses
            VoicePriceModel model = VoicePriceModel.of(new PriceTableLoader().bundled("ca-central-1").orElseThrow(),
                    "gpt-4o-mini");
            BigDecimal gathers = BigDecimal.valueOf(results.stream().mapToInt(Result::speechGathers).sum());
            BigDecimal calls = BigDecimal.valueOf(n);
            VoiceUsage u = new VoiceUsage(gathers.divide(calls, 4, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(keypad).setScale(4, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(results.stream().mapToInt(Result::speechBlocks).sum())
                            .divide(gathers.max(BigDecimal.ONE), 4, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(minutes).setScale(4, RoundingMode.HALF_UP), BigDecimal.ZERO, "bench");
            BigDecimal estimate = model.perCall(u).setScale(6, RoundingMode.HALF_UP);
            System.out.printf(Locale.ROOT, "estimate per call from these averages (USD) %s; ledger vs estimate %+.2f%%%n",
                    estimate, perCall.subtract(estimate).divide(estimate, 6, RoundingMode.HALF_UP).doubleValue() * 100);
            System.out.printf(Locale.ROOT, "spec usage keys: speech-gathers-per-call: %s, keypad-gathers-per-call: %s,"
                            + " speech-blocks-per-gather: %s, billed-minutes-per-call: %s, minutes-per-call: %.2f%n",
                    u.speechGathersPerCall().setScale(2, RoundingMode.HALF_UP),
                    u.keypadGathersPerCall().setScale(2, RoundingMode.HALF_UP),
                    u.speechBlocksPerGather().setScale(2, RoundingMode.HALF_UP),
                    u.billedMinutesPerCall().setScale(2, RoundingMode.HALF_UP), seconds / 60);
        }
    }
}
