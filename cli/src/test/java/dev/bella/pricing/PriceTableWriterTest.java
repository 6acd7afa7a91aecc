package dev.bella.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import dev.bella.pricing.PriceTableWriter.Line;
import dev.bella.pricing.PriceTableWriter.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceTableWriterTest {

    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    @Test
    void whatItWritesTheLoaderReadsBackUnchanged() {
        String yaml = new PriceTableWriter("ca-central-1", "a \"quoted\" note\nover two lines")
                .source(new Source("fargate", "https://aws.amazon.com/fargate/pricing/", NOV_2))
                .source(new Source("2026", "https://example.com/a:b?c=#d", NOV_2))
                .line(new Line("fargate.x86.vcpu-hour", new BigDecimal("0.04456"), "vCPU-hour", "fargate", NOV_2, null))
                .line(new Line("fargate.x86.gb-hour", new BigDecimal("1E-5"), "GB-hour", "fargate",
                        LocalDate.of(2026, 11, 20), "read: later, # not a comment"))
                .line(new Line("odd", new BigDecimal("100"), "15-second block", "2026", null, "C:\\path"))
                .line(new Line("yes", BigDecimal.ZERO, "true", "2026", NOV_2, ""))
                .write();

        PriceTable t = new PriceTableLoader().parse(yaml, "written");
        assertThat(t.region()).isEqualTo("ca-central-1");
        assertThat(t.entry("fargate.x86.vcpu-hour").price()).isEqualByComparingTo("0.04456");
        assertThat(t.entry("fargate.x86.vcpu-hour").date()).isEqualTo(NOV_2);
        assertThat(t.entry("fargate.x86.vcpu-hour").note()).isNull();
        assertThat(t.entry("fargate.x86.gb-hour").price()).isEqualByComparingTo("0.00001");
        assertThat(t.entry("fargate.x86.gb-hour").date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(t.entry("fargate.x86.gb-hour").note()).isEqualTo("read: later, # not a comment");
        assertThat(t.entry("odd").unit()).isEqualTo("15-second block");
        assertThat(t.entry("odd").url()).isEqualTo("https://example.com/a:b?c=#d");
        assertThat(t.entry("odd").note()).isEqualTo("C:\\path");
        assertThat(t.entry("yes").unit()).isEqualTo("true");
        assertThat(yaml).contains("price: 0.00001,").doesNotContain("E-5")
                .contains("fargate.x86.vcpu-hour: {price: 0.04456, unit: vCPU-hour, source: fargate}\n")
                .contains("date: 2026-11-20");
    }

    @Test
    void aLineNeedsAKnownSourceAndASourceIdOneMeaning() {
        PriceTableWriter w = new PriceTableWriter("ca-central-1", "n")
                .source(new Source("fargate", "https://aws.amazon.com/fargate/pricing/", NOV_2));

        assertThatThrownBy(() -> w.line(new Line("k", BigDecimal.ONE, "u", "nowhere", null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown source 'nowhere'");
        assertThatThrownBy(() -> w.source(new Source("fargate", "https://elsewhere.example/", NOV_2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two sources named 'fargate'");
    }
}
