package dev.bella.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.yaml.Position;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FargateBillingTest {

    private static PriceTable table(String increment, String minimum) {
        TreeMap<String, PriceEntry> entries = new TreeMap<>();
        if (increment != null) {
            entries.put(PriceKeys.FARGATE_BILLING_INCREMENT, entry(PriceKeys.FARGATE_BILLING_INCREMENT, increment));
        }
        if (minimum != null) {
            entries.put(PriceKeys.FARGATE_BILLING_MINIMUM, entry(PriceKeys.FARGATE_BILLING_MINIMUM, minimum));
        }
        return new PriceTable("test table", "test-region-1", "USD", entries);
    }

    private static PriceEntry entry(String key, String price) {
        return new PriceEntry(key, new BigDecimal(price), "seconds", "test", "https://example.com/synthetic",
                LocalDate.of(2026, 12, 6), new Position("test", 1, 1));
    }

    @Test
    void a_short_run_bills_the_minute_and_a_long_one_its_seconds_rounded_up() {
        FargateBilling billing = FargateBilling.of(table("1", "60"));
        assertThat(billing.billedSeconds(Duration.ofSeconds(40))).isEqualTo(60);
        assertThat(billing.billedSeconds(Duration.ZERO)).isEqualTo(60);
        assertThat(billing.billedSeconds(Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(billing.billedSeconds(Duration.ofSeconds(61))).isEqualTo(61);
        assertThat(billing.billedSeconds(Duration.ofMillis(75_200))).isEqualTo(76);
    }

    @Test
    void the_bundled_tables_carry_the_rules() {
        for (String region : new String[] {"ca-central-1", "us-east-1", "us-west-2"}) {
            PriceTable t = new PriceTableLoader().load(Path.of("../../configs/prices/aws-" + region + ".yaml"));
            FargateBilling billing = FargateBilling.of(t);
            assertThat(billing.minimumSeconds()).as(region).isEqualTo(60);
            assertThat(billing.billedSeconds(Duration.ofSeconds(61))).as(region).isEqualTo(61);
            assertThat(t.entry(PriceKeys.FARGATE_BILLING_MINIMUM).source()).as(region).isEqualTo("fargate-billing");
        }
    }

    @Test
    void a_missing_or_fractional_rule_is_an_error_not_a_default() {
        assertThatThrownBy(() -> FargateBilling.of(table("1", null))).isInstanceOf(MissingPriceException.class)
                .hasMessageContaining(PriceKeys.FARGATE_BILLING_MINIMUM);
        assertThatThrownBy(() -> FargateBilling.of(table("0.5", "60"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test table: fargate.billing-increment-seconds must be a whole number of seconds, at least 1,"
                        + " got 0.5");
        assertThatThrownBy(() -> FargateBilling.of(table("1", "60")).billedSeconds(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
