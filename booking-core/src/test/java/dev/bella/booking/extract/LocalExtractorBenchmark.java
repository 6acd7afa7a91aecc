package dev.bella.booking.extract;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the local tier per utterance, over the whole development set in turn (short answers and long
 * full-booking turns alike). Sample mode, so JMH prints the median and tail percentiles. Run by bench/extraction-jmh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalExtractorBenchmark {
    private final LocalExtractor extractor = new LocalExtractor();
    private List<DevSet.Item> items;
    private int next;

    @Setup
    public void load() {
        items = DevSet.load().items();
    }

    @Benchmark
    public ExtractionResult extractOne() {
        DevSet.Item it = items.get(next);
        next = next + 1 == items.size() ? 0 : next + 1;
        return extractor.extract(it.text(), it.context());
    }
}
