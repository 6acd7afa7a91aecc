import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.http.ScriptedCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on the speech-turn endpoint (/voice/turn) of a running booking service, with requests
 * signed like Twilio's. Requests leave at a fixed rate whatever the answers do, and latency is counted from
 * when each request was due, so a stalled server shows up in the figures instead of slowing the client
 * (no coordinated omission).
 *
 * Every turn is a full one: extraction, slot check against the appointments table, state update, saved
 * answer. Calls alternate "my name is ..., Monday at N a.m." (read-back) and "no" (back to collecting) so
 * every turn does the same work and the calendar never fills.
 *
 * Usage: java -cp bella-booking.jar bench/BookingLoad.java BASE_URL RATE[,RATE...] SECONDS [WARMUP_SECONDS [WARMUP_RATE]]
 * (a small task, as bench/booking-sizing.sh measures, warms up at a rate it can serve; the default is 100/s)
 */
public class BookingLoad {

    static final int CALLS = 400;

    record Call(String sid, String from, AtomicReference<String> next, AtomicBoolean busy, AtomicInteger turn) {
    }

    public static void main(String[] args) throws Exception {
        base = URI.create(args[0]);
        int[] rates = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int warmupRate = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        String token = System.getenv().getOrDefault("TWILIO_AUTH_TOKEN", BookingConfig.LOCAL_DEV_TWILIO_TOKEN);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        ScriptedCall twilio = new ScriptedCall(http, base, token);

        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            String sid = String.format("CABENCH%08d%s", i, Long.toHexString(System.nanoTime()));
            String from = String.format("+1555%07d", i);
            var answer = twilio.post("/voice/incoming", ScriptedCall.callFields(sid, from, "+15550000000"));
            calls.add(new Call(sid, from, new AtomicReference<>(ScriptedCall.nextAction(answer.body()).orElseThrow()),
                    new AtomicBoolean(), new AtomicInteger()));
        }
        System.out.printf("service %s, %d calls set up; JDK %s, %d cores%n", base, CALLS,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        run(twilio, calls, warmupRate, warmup, false);
        for (int rate : rates) {
            run(twilio, calls, rate, seconds, true);
        }
        System.exit(0);
    }

    static void run(ScriptedCall twilio, List<Call> calls, int rate, int seconds, boolean print) throws Exception {
        Map<Double, Long> bucketsBefore = serverBuckets();
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        int cursor = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Call call = null;
            for (int tries = 0; tries < calls.size() && call == null; tries++) {
                Call c = calls.get(cursor++ % calls.size());
                if (c.busy().compareAndSet(false, true)) {
                    call = c;
                }
            }
            if (call == null) {
                skipped.incrementAndGet();
                continue;
            }
            Call c = call;
            inFlight.incrementAndGet();
            Thread.startVirtualThread(() -> {
                try {
                    int n = c.turn().getAndIncrement();
                    Map<String, String> f = ScriptedCall.callFields(c.sid(), c.from(), "+15550000000");
                    f.put("SpeechResult", n % 2 == 0 ? "my name is Caller Number, Monday at " + (9 + n % 3) + " a.m." : "no");
                    f.put("Confidence", "0.9");
                    var answer = twilio.post(c.next().get(), f);
                    latencies.add(System.nanoTime() - due);
                    if (answer.status() != 200 || answer.body().contains("trouble with our booking system")) {
                        errors.incrementAndGet();
                    }
                    ScriptedCall.nextAction(answer.body()).ifPresent(c.next()::set);
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    c.busy().set(false);
                    inFlight.decrementAndGet();
                }
            });
        }
        long sendEnd = System.nanoTime();
        while (inFlight.get() > 0 && System.nanoTime() - sendEnd < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(10);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!print) {
            return;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("rate %4d/s for %ds: %6d done in %5.1fs = %6.1f req/s; latency ms p50 %6.2f  p90 %6.2f"
                        + "  p99 %6.2f  max %7.2f; errors %d, skipped %d%n",
                rate, seconds, sorted.length, elapsed, sorted.length / elapsed, pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors.get(), skipped.get());
        Map<Double, Long> after = serverBuckets();
        System.out.printf("               server side (handler time, from the /metrics histogram, bucket upper bounds):"
                + " p50 <= %.2f ms, p99 <= %.2f ms%n", serverPct(bucketsBefore, after, 50), serverPct(bucketsBefore, after, 99));
    }

    static final java.net.http.HttpClient METRICS = java.net.http.HttpClient.newHttpClient();
    static URI base;

    /** Cumulative bucket counts (le -> count) of POST /voice/turn 200 from the service's Prometheus endpoint. */
    static Map<Double, Long> serverBuckets() throws Exception {
        String text = METRICS.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        Map<Double, Long> out = new java.util.TreeMap<>();
        var m = java.util.regex.Pattern.compile("bella_http_requests_seconds_bucket\\{method=\"POST\",route=\"/voice/turn\","
                + "status=\"200\",le=\"([^\"]+)\"\\} (\\d+)").matcher(text);
        while (m.find()) {
            out.put(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                    Long.parseLong(m.group(2)));
        }
        return out;
    }

    static double serverPct(Map<Double, Long> before, Map<Double, Long> after, double p) {
        long total = after.getOrDefault(Double.POSITIVE_INFINITY, 0L) - before.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        for (var e : after.entrySet()) {
            long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (total > 0 && n >= Math.ceil(p / 100 * total)) {
                return e.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
