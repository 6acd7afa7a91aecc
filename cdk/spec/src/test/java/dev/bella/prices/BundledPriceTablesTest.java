package dev.bella.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundledPriceTablesTest {

    private static final Path PRICES = Path.of("..", "..", "configs", "prices");
    private final PriceTableLoader loader = new PriceTableLoader();

    private PriceTable table(String region) {
        return loader.load(PRICES.resolve("aws-" + region + ".yaml"));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void canadaCentralHasTheFiguresTheLeadSettledOn() {
        PriceTable t = table("ca-central-1");
        assertThat(t.region()).isEqualTo("ca-central-1");
        assertThat(t.currency()).isEqualTo("USD");
        assertThat(t.price("fargate.x86.vcpu-hour")).isEqualByComparingTo("0.04456");
        assertThat(t.price("fargate.x86.gb-hour")).isEqualByComparingTo("0.00489");
        assertThat(t.price("fargate.arm64.vcpu-hour")).isEqualByComparingTo("0.03565");
        assertThat(t.price("fargate.arm64.gb-hour")).isEqualByComparingTo("0.00391");
        assertThat(t.price("rds.postgres.db.t3.micro.single-az")).isEqualByComparingTo("0.020");
        assertThat(t.price("elasticache.cache.t3.micro.on-demand")).isEqualByComparingTo("0.019");
        assertThat(t.price("alb.hour")).isEqualByComparingTo("0.02475");
        assertThat(t.price("alb.lcu-hour")).isEqualByComparingTo("0.0088");
        assertThat(t.price("vpc.public-ipv4.hour")).isEqualByComparingTo("0.005");
        assertThat(t.price("rds.storage.gp2.gb-month")).isEqualByComparingTo("0.127");
        assertThat(t.price("rds.storage.gp3.gb-month")).isEqualByComparingTo("0.127");
        assertThat(t.price("logs.ingestion.gb")).isEqualByComparingTo("0.55");
        assertThat(t.price("logs.storage.gb-month")).isEqualByComparingTo("0.033");
    }

    @Test
    void usEast1HasTheFiguresTheLeadSettledOn() {
        PriceTable t = table("us-east-1");
        assertThat(t.region()).isEqualTo("us-east-1");
        assertThat(t.price("fargate.x86.vcpu-hour")).isEqualByComparingTo("0.04048");
        assertThat(t.price("fargate.x86.gb-hour")).isEqualByComparingTo("0.004445");
        assertThat(t.price("fargate.arm64.vcpu-hour")).isEqualByComparingTo("0.03238");
        assertThat(t.price("fargate.arm64.gb-hour")).isEqualByComparingTo("0.00356");
        assertThat(t.price("alb.hour")).isEqualByComparingTo("0.0225");
        assertThat(t.price("alb.lcu-hour")).isEqualByComparingTo("0.008");
        assertThat(t.price("rds.postgres.db.t3.micro.single-az")).isEqualByComparingTo("0.018");
        assertThat(t.price("rds.storage.gp3.gb-month")).isEqualByComparingTo("0.115");
        assertThat(t.price("elasticache.cache.t3.micro.on-demand")).isEqualByComparingTo("0.017");
        assertThat(t.price("logs.ingestion.gb")).isEqualByComparingTo("0.50");
        assertThat(t.price("logs.storage.gb-month")).isEqualByComparingTo("0.03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "us-east-1"})
    void hasEveryCatalogKeyAndOnlyKnownCommitmentRatesBeside(String region) {
        // every catalog key; beyond them only the commitment rates `bella prices refresh` writes (3-year and
        // partial-upfront reservations, Fargate's Savings Plans rates), which a table carries once read from AWS
        List<String> allowed = new ArrayList<>(PriceCatalog.allKeys());
        allowed.addAll(PriceCatalog.commitmentKeys());
        assertThat(table(region).all().keySet()).containsAll(PriceCatalog.allKeys());
        assertThat(allowed).containsAll(table(region).all().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "us-east-1"})
    void everyEntrySaysWhereAndWhenItWasRead(String region) {
        for (PriceEntry e : table(region).all().values()) {
            assertThat(e.url()).as(e.key()).startsWith("https://");
            assertThat(e.date()).as(e.key()).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "us-east-1"})
    void fixedFiguresAndAllowances(String region) {
        PriceTable t = table(region);
        assertThat(t.price("apigw.vpc-link.hour")).isZero();
        assertThat(t.entry("apigw.vpc-link.hour").note()).contains("no extra charge");
        assertThat(t.price("data-transfer.out.free-gb")).isEqualByComparingTo("100");
        assertThat(t.price("logs.free-gb")).isEqualByComparingTo("5");
        assertThat(t.price("twilio.speech-recognition.15s")).isEqualByComparingTo("0.02");
        assertThat(t.price("fargate.spot-discount")).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(t.entry("fargate.spot-discount").note()).containsIgnoringCase("float");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "us-east-1"})
    void rdsPricesAreConsistent(String region) {
        PriceTable t = table(region);
        for (String cls : PriceCatalog.RDS_INSTANCE_CLASSES) {
            BigDecimal single = t.price(PriceKeys.rdsHour("postgres", cls, "single-az"));
            // Multi-AZ runs a standby of the same class, so AWS bills exactly two instances.
            assertThat(t.price(PriceKeys.rdsHour("postgres", cls, "multi-az"))).as(cls)
                    .isEqualByComparingTo(single.multiply(d("2")));
            for (String deployment : PriceCatalog.RDS_DEPLOYMENTS) {
                BigDecimal onDemand = t.price(PriceKeys.rdsHour("postgres", cls, deployment));
                BigDecimal noUpfront = t.price(PriceKeys.rdsReservedHour("postgres", cls, deployment, "1y", "no-upfront"));
                BigDecimal allUpfront = t.price(PriceKeys.rdsReservedHour("postgres", cls, deployment, "1y", "all-upfront"));
                assertThat(noUpfront).as(cls + " " + deployment).isLessThan(onDemand);
                assertThat(allUpfront).as(cls + " " + deployment).isLessThan(noUpfront);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "us-east-1"})
    void cachePricesAreConsistent(String region) {
        PriceTable t = table(region);
        for (String node : PriceCatalog.CACHE_NODE_TYPES) {
            BigDecimal onDemand = t.price(PriceKeys.cacheHour(node));
            assertThat(t.price(PriceKeys.cacheReservedHour(node, "1y", "no-upfront"))).as(node).isLessThan(onDemand);
            assertThat(t.price(PriceKeys.cacheReservedHour(node, "1y", "all-upfront"))).as(node)
                    .isLessThan(t.price(PriceKeys.cacheReservedHour(node, "1y", "no-upfront")));
        }
    }

    @Test
    void thirdPartyPricesAreTheSameInEveryRegion() {
        PriceTable ca = table("ca-central-1");
        PriceTable us = table("us-east-1");
        List<String> keys = PriceCatalog.thirdPartyKeys();
        assertThat(keys).contains("openai.gpt-4o-mini.input.million-tokens", "twilio.speech-recognition.15s");
        for (String key : keys) {
            assertThat(ca.price(key)).as(key).isEqualByComparingTo(us.price(key));
            assertThat(ca.entry(key).url()).as(key).isEqualTo(us.entry(key).url());
        }
        assertThat(ca.price("openai.gpt-4o-mini.input.million-tokens")).isEqualByComparingTo("0.15");
        assertThat(ca.price("openai.gpt-4o-mini.output.million-tokens")).isEqualByComparingTo("0.60");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "us-east-1"})
    void theJarCarriesTheSameTables(String region) {
        PriceTable bundled = loader.bundled(region).orElseThrow();
        assertThat(bundled.all().keySet()).isEqualTo(table(region).all().keySet());
        assertThat(bundled.price("alb.hour")).isEqualByComparingTo(table(region).price("alb.hour"));
    }
}
