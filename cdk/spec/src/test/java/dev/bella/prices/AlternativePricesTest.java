package dev.bella.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prices `bella cost alternatives` reads, and the us-west-2 table it compares regions and DR with. */
class AlternativePricesTest {

    private static final Path PRICES = Path.of("..", "..", "configs", "prices");
    private final PriceTableLoader loader = new PriceTableLoader();

    private PriceTable table(String region) {
        return loader.load(PRICES.resolve("aws-" + region + ".yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "us-east-1", "us-west-2"})
    void everyAlternativePriceSaysWhereAndWhenItWasRead(String region) {
        PriceTable t = table(region);
        for (String key : PriceCatalog.alternativesKeys()) {
            PriceEntry e = t.entry(key);
            assertThat(e.url()).as(key).startsWith("https://");
            assertThat(e.date()).as(key).isNotNull();
            assertThat(e.price().signum()).as(key).isPositive();
        }
    }

    @Test
    void usWest2HasEveryCatalogKeyAtUsEast1sListPrices() {
        PriceTable west = table("us-west-2");
        PriceTable east = table("us-east-1");
        assertThat(west.region()).isEqualTo("us-west-2");
        assertThat(west.all().keySet()).containsExactlyInAnyOrderElementsOf(PriceCatalog.allKeys());
        for (String key : PriceCatalog.allKeys()) {
            assertThat(west.price(key)).as(key).isEqualByComparingTo(east.price(key));
        }
        assertThat(loader.bundled("us-west-2").orElseThrow().all().keySet()).isEqualTo(west.all().keySet());
    }

    @Test
    void theFreeAllowancesAndGlobalPricesAreTheSameEverywhere() {
        for (String key : new String[] {"lambda.free.gb-seconds", "lambda.free.requests", "cloudfront.free.requests",
                "cloudfront.free.gb", "cloudfront.https.10k-requests", "twilio.media-streams.minute",
                "openai.gpt-4.1-nano.input.million-tokens"}) {
            assertThat(table("ca-central-1").price(key)).as(key).isEqualByComparingTo(table("us-east-1").price(key));
        }
        assertThat(table("us-east-1").price("lambda.free.gb-seconds")).isEqualByComparingTo("400000");
        assertThat(table("us-east-1").price("cloudfront.free.gb")).isEqualByComparingTo("1024");
    }
}
