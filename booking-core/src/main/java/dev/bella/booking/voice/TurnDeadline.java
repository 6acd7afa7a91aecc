package dev.bella.booking.voice;

import dev.bella.booking.extract.CallContext;
import dev.bella.booking.extract.Extraction;
import dev.bella.booking.extract.Extractor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one turn's extraction under the turn's budget, before any database connection is taken. Caller
 * speech is hostile input: an extraction that overruns (a grammar bug, a stuck LLM call) costs the caller a
 * re-prompt, never the request thread or a pooled connection. The threads are bounded: when all of them are
 * busy the turn is a breach at once rather than a queue that grows.
 */
final class TurnDeadline {

    /** Longest caller utterance extracted; Twilio's transcripts of a turn are far shorter. */
    static final int MAX_UTTERANCE_CHARS = 1000;
    static final int MAX_THREADS = 64;

    private final Extractor extractor;
    private final Duration budget;
    private final ThreadPoolExecutor pool;

    TurnDeadline(Extractor extractor, Duration budget) {
        this.extractor = extractor;
        this.budget = budget;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "bella-extract-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** The extraction, or empty when it did not finish within the budget (or no thread was free). */
    Optional<Extraction> extract(String utterance, CallContext ctx) {
        String said = utterance.length() > MAX_UTTERANCE_CHARS ? utterance.substring(0, MAX_UTTERANCE_CHARS) : utterance;
        Future<Extraction> f;
        try {
            f = pool.submit(() -> extractor.extract(said, ctx));
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.get(budget.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            // interrupts an LLM call; a CPU-bound loop keeps its (bounded) thread, but not this request
            f.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("extraction failed", e.getCause());
        }
    }

    Duration budget() {
        return budget;
    }
}
