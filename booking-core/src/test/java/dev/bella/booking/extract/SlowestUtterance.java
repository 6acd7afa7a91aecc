package dev.bella.booking.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Benchmark (run by bench/extraction-slowest): feeds generated hostile utterances through the local grammar and
 * prints the latency distribution and the slowest utterances, so a grammar change that makes some input
 * expensive shows up here rather than on a call. Usage: SlowestUtterance [COUNT] [SEED].
 */
public final class SlowestUtterance {

    private record Timed(long nanos, String utterance) {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        UtteranceContext ctx = UtteranceContext.of(Instant.parse("2030-01-02T15:00:00Z"), ZoneId.of("America/Toronto"),
                "+15145550100");
        LocalExtractor extractor = new LocalExtractor();
        Utterances warm = new Utterances(seed + 1);
        for (int i = 0; i < 20_000; i++) extractor.extract(warm.next(), ctx);

        Utterances gen = new Utterances(seed);
        long[] all = new long[count];
        PriorityQueue<Timed> slowest = new PriorityQueue<>((a, b) -> Long.compare(a.nanos, b.nanos));
        long chars = 0;
        for (int i = 0; i < count; i++) {
            String u = gen.next();
            chars += u.length();
            long t0 = System.nanoTime();
            extractor.extract(u, ctx);
            long t = System.nanoTime() - t0;
            all[i] = t;
            slowest.add(new Timed(t, u));
            if (slowest.size() > 5) slowest.poll();
        }
        Arrays.sort(all);
        System.out.printf("%d generated utterances (seed %d, mean %d chars)%n", count, seed, chars / count);
        System.out.printf("p50 %.1f us  p99 %.1f us  p99.9 %.1f us  max %.1f us%n", all[count / 2] / 1e3,
                all[(int) (count * 0.99)] / 1e3, all[(int) (count * 0.999)] / 1e3, all[count - 1] / 1e3);
        Timed[] top = slowest.toArray(new Timed[0]);
        Arrays.sort(top, (a, b) -> Long.compare(b.nanos, a.nanos));
        System.out.println("slowest utterances:");
        for (Timed t : top) {
            String u = t.utterance.length() > 160 ? t.utterance.substring(0, 160) + "… (" + t.utterance.length() + " chars)"
                    : t.utterance;
            System.out.printf("  %8.1f us  \"%s\"%n", t.nanos / 1e3, u);
        }
    }
}
