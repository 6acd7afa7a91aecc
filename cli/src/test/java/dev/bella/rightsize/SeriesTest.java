package dev.bella.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    static final BigDecimal P995 = new BigDecimal("99.5");

    @Test
    void nearestRankPercentileIsAnObservedValue() {
        // 336 hourly values (14 days): 334 at 20%, one 30%, one 45%; ceil(0.995 * 336) = 335th smallest = 30
        Series s = Synthetic.hourly(336, i -> i == 100 ? 45 : i == 200 ? 30 : 20);
        assertThat(s.percentile(P995)).isEqualTo(30.0);
        assertThat(s.max()).isEqualTo(45.0);
    }

    @Test
    void percentileOfFewValuesIsTheirMaximumAndOfNoneIsZero() {
        assertThat(Synthetic.hourly(3, i -> i).percentile(P995)).isEqualTo(2.0);
        assertThat(new Series(Duration.ofHours(1), List.of()).percentile(P995)).isZero();
    }

    @Test
    void coverageCountsDatapointsNotTheSpanBetweenThem() {
        // 30 hourly points spread over three days: 30 h of data, though the span is 72 h
        Series all = Synthetic.hourly(72, i -> i);
        Series sparse = new Series(Duration.ofHours(1), all.points().stream().filter(p -> p.value() % 12 < 5).toList());
        assertThat(sparse.points().getLast().at()).isEqualTo(Synthetic.START.plus(Duration.ofHours(64)));
        assertThat(sparse.coverage()).isEqualTo(Duration.ofHours(30));
    }

    @Test
    void duplicateTimestampsCountOnceAndPointsAreSorted() {
        Instant t = Synthetic.START;
        Series s = new Series(Duration.ofHours(1), List.of(new Series.Point(t.plusSeconds(3600), 2),
                new Series.Point(t, 1), new Series.Point(t, 5)));
        assertThat(s.points()).extracting(Series.Point::value).containsExactly(5.0, 2.0);
    }

    @Test
    void sustainedIsTheHighestFullDayMean() {
        // two days: day one at 10%, day two at 30%; the best 24-hour window is day two (30), not a blend
        Series s = Synthetic.hourly(48, i -> i < 24 ? 10 : 30);
        assertThat(s.sustained(Duration.ofHours(24))).isEqualTo(30.0);
        // a window straddling both days: hours 12..35 -> 12 at 10 and 12 at 30 -> 20 (never the maximum)
        Series bump = Synthetic.hourly(48, i -> i >= 12 && i < 36 ? 30 : 10);
        assertThat(bump.sustained(Duration.ofHours(24))).isEqualTo(30.0);
        Series spike = Synthetic.hourly(48, i -> i == 5 ? 250 : 10);
        assertThat(spike.sustained(Duration.ofHours(24))).isEqualTo(20.0); // (23*10 + 250) / 24
    }

    @Test
    void sustainedOfLessThanAWindowIsTheMean() {
        assertThat(Synthetic.hourly(4, i -> i).sustained(Duration.ofHours(24))).isEqualTo(1.5);
    }
}
