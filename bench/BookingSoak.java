import dev.bella.booking.http.ScriptedCall;
import dev.bella.booking.http.ScriptedCall.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ten minutes (or SECONDS) of mixed hostile and normal traffic against a running booking service on loopback:
 * whole calls that book, Twilio-style replays, long digit runs, slow senders (bounded), invented HTTP methods.
 * Samples the server's RSS and /metrics size every 10 s and prints the figures the issue asks for.
 *
 * Usage: java -cp bella-booking.jar bench/BookingSoak.java BASE_URL SERVER_PID SECONDS TOKEN
 */
public class BookingSoak {

    static final int CALLERS = 4;
    static final int SLOW_SENDERS = 50;
    static final AtomicLong calls = new AtomicLong(), bookings = new AtomicLong(), errors = new AtomicLong(),
            replays = new AtomicLong(), longNumbers = new AtomicLong(), methods = new AtomicLong(),
            slowOpened = new AtomicLong(), slowClosedByServer = new AtomicLong();
    static final ConcurrentLinkedQueue<Long> turnNanos = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = args[3];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        ScriptedCall twilio = new ScriptedCall(http, base, token);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        samples.add(new long[] {0, rssKb(pid), metricsBytes(http, base)});
        for (int i = 0; i < CALLERS; i++) {
            int caller = i;
            pool.submit(() -> callerLoop(twilio, caller));
        }
        pool.submit(() -> hostileLoop(twilio, http, base));
        pool.submit(() -> slowSenders(base));
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
            Thread.sleep(10_000);
            long t = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            samples.add(new long[] {t, rssKb(pid), metricsBytes(http, base)});
            System.out.printf("t=%4ds calls=%d bookings=%d errors=%d rss=%d MB metrics=%.1f KB%n", t, calls.get(),
                    bookings.get(), errors.get(), samples.getLast()[1] / 1024, samples.getLast()[2] / 1024.0);
        }
        running = false;
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        report(samples, seconds);
        System.exit(0);
    }

    /** Whole calls: greet, name and a free-looking time, yes (or the first alternative, then yes), hang up. */
    static void callerLoop(ScriptedCall twilio, int caller) {
        Random r = new Random(caller);
        long n = 0;
        while (running) {
            String sid = String.format("CASOAK%02d%010d%016x", caller, n++, r.nextLong());
            String from = String.format("+1555%03d%04d", 200 + caller, r.nextInt(10_000));
            long errorsBefore = errors.get();
            try {
                Exchange e = twilio.post("/voice/incoming", ScriptedCall.callFields(sid, from, "+15550000000"));
                String next = check(e);
                LocalDate day = LocalDate.now().plusDays(2 + r.nextInt(700));
                while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    day = day.plusDays(1);
                }
                List<String> script = new ArrayList<>(List.of("my name is Sam Soak, " + day + " at "
                        + (9 + r.nextInt(8)) + (r.nextBoolean() ? ":30" : "") + (r.nextBoolean() ? "" : " please")));
                for (int turn = 0; turn < 5 && next != null; turn++) {
                    Map<String, String> f = ScriptedCall.callFields(sid, from, "+15550000000");
                    String said = turn == 0 ? script.get(0) : e.body().contains("Shall I book it") ? "yes" : "the first one";
                    f.put("SpeechResult", said);
                    long t0 = System.nanoTime();
                    e = twilio.post(next, f);
                    turnNanos.add(System.nanoTime() - t0);
                    String path = next;
                    next = check(e);
                    if (r.nextInt(10) == 0) {
                        // a Twilio retry: the same signed request, new token; the same answer must come back
                        replays.incrementAndGet();
                        Exchange again = twilio.post(path, f, Map.of("I-Twilio-Idempotency-Token", "retry-" + r.nextLong()));
                        if (!again.body().equals(e.body())) error("replay answered differently: " + path);
                    }
                    if (e.body().contains("You're booked")) {
                        bookings.incrementAndGet();
                        break;
                    }
                }
                Map<String, String> status = ScriptedCall.callFields(sid, from, "+15550000000");
                status.put("CallStatus", "completed");
                status.put("CallDuration", String.valueOf(30 + r.nextInt(120)));
                check(twilio.post("/voice/status", status));
                if (errors.get() == errorsBefore) {
                    calls.incrementAndGet(); // completed without an error (another caller's error also skips it)
                }
            } catch (Exception ex) {
                error(ex.toString());
            }
        }
    }

    /** Long digit runs in a live call, and invented methods and paths, a few per second. */
    static void hostileLoop(ScriptedCall twilio, HttpClient http, URI base) {
        Random r = new Random(99);
        long n = 0;
        while (running) {
            try {
                String sid = String.format("CAHOSTILE%012d%013x", n++, r.nextLong() & 0xFFFFFFFFFFFFFL);
                Exchange e = twilio.post("/voice/incoming", ScriptedCall.callFields(sid, "+15559990000", "+15550000000"));
                Map<String, String> f = ScriptedCall.callFields(sid, "+15559990000", "+15550000000");
                StringBuilder digits = new StringBuilder();
                for (int i = 0, len = 16 + r.nextInt(200); i < len; i++) digits.append((char) ('0' + r.nextInt(10)));
                f.put("SpeechResult", "my card is " + digits + " and " + digits);
                long t0 = System.nanoTime();
                Exchange long1 = twilio.post(ScriptedCall.nextAction(e.body()).orElseThrow(), f);
                turnNanos.add(System.nanoTime() - t0);
                check(long1);
                longNumbers.incrementAndGet();
                for (int i = 0; i < 5; i++) {
                    StringBuilder m = new StringBuilder();
                    for (int k = 0, len = 3 + r.nextInt(12); k < len; k++) m.append((char) ('A' + r.nextInt(26)));
                    HttpResponse<Void> res = http.send(HttpRequest.newBuilder(base.resolve("/x" + r.nextInt(1_000_000)))
                            .method(m.toString(), HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (res.statusCode() != 405) error("method " + m + " answered " + res.statusCode());
                    methods.incrementAndGet();
                }
                Thread.sleep(200);
            } catch (Exception ex) {
                error(ex.toString());
            }
        }
    }

    /** At most SLOW_SENDERS connections, each sends headers and one byte of a body, then nothing. */
    static void slowSenders(URI base) {
        List<Socket> open = new ArrayList<>();
        while (running) {
            try {
                open.removeIf(s -> {
                    try {
                        s.setSoTimeout(1);
                        s.getInputStream().read(); // an error answer (408) or the end: the server let go
                        slowClosedByServer.incrementAndGet();
                        s.close();
                        return true;
                    } catch (java.net.SocketTimeoutException e) {
                        return false; // still held open
                    } catch (IOException e) {
                        slowClosedByServer.incrementAndGet();
                        return true;
                    }
                });
                while (open.size() < SLOW_SENDERS) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /voice/turn?n=1 HTTP/1.1\r\nHost: localhost\r\nX-Twilio-Signature: x\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nC")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    open.add(s);
                    slowOpened.incrementAndGet();
                }
                Thread.sleep(1000);
            } catch (Exception ex) {
                error("slow sender: " + ex);
            }
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
    }

    /** The next action of a good answer; anything but a 200 with TwiML, or an apology, is an error. */
    static String check(Exchange e) {
        if (e.status() != 200 || !e.body().startsWith("<?xml") || e.body().contains("having trouble")) {
            error(e.path() + " answered " + e.status() + ": " + e.body());
            return null;
        }
        return ScriptedCall.nextAction(e.body()).orElse(null);
    }

    static void error(String what) {
        errors.incrementAndGet();
        if (errorSamples.size() < 5) errorSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }

    static long metricsBytes(HttpClient http, URI base) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body().length;
    }

    static void report(List<long[]> samples, int seconds) {
        List<Long> t = new ArrayList<>(turnNanos);
        Collections.sort(t);
        long maxRss = samples.stream().mapToLong(s -> s[1]).max().orElse(-1);
        long[] first = samples.getFirst(), last = samples.getLast();
        long[] half = samples.stream().filter(s -> s[0] >= seconds / 2).findFirst().orElse(last);
        long rssMinSecondHalf = samples.stream().filter(s -> s[0] >= seconds / 2).mapToLong(s -> s[1]).min().orElse(-1);
        long rssMaxSecondHalf = samples.stream().filter(s -> s[0] >= seconds / 2).mapToLong(s -> s[1]).max().orElse(-1);
        System.out.println();
        System.out.printf("soak: %d s of mixed traffic on loopback%n", seconds);
        System.out.printf("calls completed        %d%n", calls.get());
        System.out.printf("bookings               %d%n", bookings.get());
        System.out.printf("turns timed            %d (incl. %d long-number turns); replays %d; invented methods %d%n",
                t.size(), longNumbers.get(), replays.get(), methods.get());
        System.out.printf("p50 / p99 / max turn   %.1f / %.1f / %.1f ms%n", pct(t, 0.50), pct(t, 0.99),
                t.isEmpty() ? 0 : t.getLast() / 1e6);
        System.out.printf("slow senders           %d opened (at most %d at a time), %d closed by the server%n",
                slowOpened.get(), SLOW_SENDERS, slowClosedByServer.get());
        System.out.printf("errors                 %d%s%n", errors.get(), errorSamples.isEmpty() ? "" : " e.g. " + errorSamples);
        System.out.printf("max RSS                %d MB%n", maxRss / 1024);
        System.out.printf("RSS second half        %d .. %d MB (at %d s: %d MB, at end: %d MB)%n", rssMinSecondHalf / 1024,
                rssMaxSecondHalf / 1024, half[0], half[1] / 1024, last[1] / 1024);
        System.out.printf("/metrics size          start %.1f KB, half %.1f KB, end %.1f KB%n", first[2] / 1024.0,
                half[2] / 1024.0, last[2] / 1024.0);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
    }
}
