package dev.bella.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.prices.PriceCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceRulesTest {

    @Test
    void everyRuleIsForACatalogKeyAndOnlyTheUnpublishedOnesHaveNone() {
        List<String> ruled = PriceRules.all().stream().map(PriceRule::key).toList();

        assertThat(ruled).doesNotHaveDuplicates();
        List<String> catalog = new ArrayList<>(PriceCatalog.awsKeys());
        // the other reservation terms and payments are Price List rules too; Fargate's Savings Plans rates are not
        // (the Savings Plans API serves them)
        PriceCatalog.commitmentKeys().stream().filter(k -> !k.startsWith("fargate.")).forEach(catalog::add);
        assertThat(catalog).containsAll(ruled);
        List<String> unruled = new ArrayList<>(catalog);
        unruled.removeAll(ruled);
        assertThat(unruled).containsExactlyInAnyOrder("fargate.spot-discount", "fargate.billing-increment-seconds",
                "fargate.billing-minimum-seconds", "apigw.vpc-link.hour",
                "cloudmap.instance-month", "data-transfer.out.free-gb", "logs.free-gb");
    }

    @Test
    void everyCallFiltersByRegionAndAsksForFullPages() {
        for (PriceRule rule : PriceRules.all()) {
            var request = rule.query().request("ca-central-1");
            assertThat(request.formatVersion()).isEqualTo("aws_v1");
            assertThat(request.maxResults()).isEqualTo(100);
            assertThat(request.filters()).anySatisfy(f -> {
                assertThat(f.field()).isEqualTo(rule.query().regionField());
                assertThat(f.value()).isEqualTo("ca-central-1");
            });
        }
    }
}
