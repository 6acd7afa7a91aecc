package dev.bella.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceListParserTest {

    private final PriceListParser parser = new PriceListParser();

    private static String resource(String name) throws IOException {
        try (InputStream in = PriceListParserTest.class.getResourceAsStream("/pricing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheProductItsOnDemandTermAndItsReservations() throws IOException {
        PriceListProduct p = parser.parse("AmazonRDS", resource("rds-db.t3.micro-postgresql-single-az.json"));

        assertThat(p.sku()).isEqualTo("TESTSKU7RDS01");
        assertThat(p.family()).isEqualTo("Database Instance");
        assertThat(p.attribute("instanceType")).isEqualTo("db.t3.micro");
        assertThat(p.attribute("nosuch")).isEmpty();
        assertThat(p.usage()).isEqualTo("InstanceUsage:db.t3.micro");
        assertThat(p.onDemand()).singleElement().satisfies(d -> {
            assertThat(d.unit()).isEqualTo("Hrs");
            assertThat(d.usd()).isEqualByComparingTo("0.02");
            assertThat(d.beginRange()).isZero();
        });
        assertThat(p.reserved()).extracting(PriceListProduct.Reservation::purchaseOption)
                .containsExactlyInAnyOrder("No Upfront", "All Upfront", "Partial Upfront");
    }

    @Test
    void pricesAOneYearReservationAsEffectiveHourly() throws IOException {
        PriceListProduct p = parser.parse("AmazonRDS", resource("rds-db.t3.micro-postgresql-single-az.json"));

        assertThat(Terms.onDemand(p)).get().satisfies(q -> assertThat(q.price()).isEqualByComparingTo("0.02"));
        assertThat(Terms.reservedOneYear("No Upfront").apply(p)).get()
                .satisfies(q -> assertThat(q.price()).isEqualByComparingTo("0.014"));
        // 107 USD / 8760 h = 0.0122146...; the hourly part of an all-upfront reservation is 0
        assertThat(Terms.reservedOneYear("All Upfront").apply(p)).get()
                .satisfies(q -> assertThat(q.price()).isEqualByComparingTo("0.012215"));
        // only a 3-year partial-upfront offer exists, which is not a 1-year price
        assertThat(Terms.reservedOneYear("Partial Upfront").apply(p)).isEmpty();
    }

    @Test
    void aTieredPriceIsItsFirstPaidTier() {
        PriceListProduct p = parser.parse("AWSDataTransfer", ProductJson.product("AWSDataTransfer", "Data Transfer",
                "ca-central-1", "CAN1-DataTransfer-Out-Bytes").tiered("GB", List.of(
                "10240", "51200", "0.0850000000", "0", "1", "0.0000000000", "1", "10240", "0.0900000000")).json());

        assertThat(Terms.onDemand(p)).get().satisfies(q -> {
            assertThat(q.price()).isEqualByComparingTo("0.09");
            assertThat(q.note()).endsWith("tier from 1 GB");
        });
    }

    @Test
    void aDimensionWithoutUsdIsSkipped() {
        String cny = ProductJson.product("AmazonECS", "Compute", "cn-north-1", "CNN1-Fargate-GB-Hours")
                .onDemand("hours", "0.0300000000").json().replace("\"USD\"", "\"CNY\"");

        assertThat(parser.parse("AmazonECS", cny).onDemand()).isEmpty();
    }

    @Test
    void textThatIsNotAPriceListEntryIsAClearError() {
        assertThatThrownBy(() -> parser.parse("AmazonECS", "{\"product\": "))
                .isInstanceOf(PriceListException.class)
                .hasMessageStartingWith("AWS Price List API returned a AmazonECS price list entry we cannot read: not JSON");
        assertThatThrownBy(() -> parser.parse("AmazonECS", "{\"terms\": {}}"))
                .isInstanceOf(PriceListException.class)
                .hasMessageEndingWith("no \"product\" object");
        String badNumber = ProductJson.product("AmazonECS", "Compute", "ca-central-1", "CAN1-Fargate-GB-Hours")
                .onDemand("hours", "cheap").json();
        assertThatThrownBy(() -> parser.parse("AmazonECS", badNumber))
                .isInstanceOf(PriceListException.class)
                .hasMessageContaining("has the number 'cheap'");
    }

    @ParameterizedTest
    @CsvSource({
        "CAN1-Fargate-vCPU-Hours:perCPU, Fargate-vCPU-Hours:perCPU",
        "USE1-Fargate-GB-Hours, Fargate-GB-Hours",
        "EU-NatGateway-Hours, NatGateway-Hours",
        "APN1-PublicIPv4:InUseAddress, PublicIPv4:InUseAddress",
        // us-east-1 load balancers carry no prefix at all
        "LoadBalancerUsage, LoadBalancerUsage",
        // TS- is part of the usage type (trust store), not a region
        "TS-LoadBalancerUsage, TS-LoadBalancerUsage",
        "CAN1-TS-LoadBalancerUsage, TS-LoadBalancerUsage",
        "RDS:GP3-Storage, RDS:GP3-Storage",
        "Multi-AZUsage:db.t3.micro, Multi-AZUsage:db.t3.micro",
        // a Local Zone keeps its zone part and so matches nothing of the region's
        "USE1-BOS1-DataTransfer-Out-Bytes, BOS1-DataTransfer-Out-Bytes"
    })
    void usageDropsOnlyTheRegionPrefix(String usagetype, String usage) {
        PriceListProduct p = parser.parse("AWSELB", ProductJson.product("AWSELB", "x", "us-east-1", usagetype).json());

        assertThat(p.usage()).isEqualTo(usage);
    }
}
