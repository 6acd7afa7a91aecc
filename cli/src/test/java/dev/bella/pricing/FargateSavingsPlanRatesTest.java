package dev.bella.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.savingsplans.model.ParentSavingsPlanOffering;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanOfferingRate;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanOfferingRateProperty;

/** Which rows of DescribeSavingsPlansOfferingRates become which table key, one row at a time. */
class FargateSavingsPlanRatesTest {

    private static SavingsPlanOfferingRate row(long seconds, String payment, String service, String usage, String region) {
        return SavingsPlanOfferingRate.builder()
                .savingsPlanOffering(ParentSavingsPlanOffering.builder().offeringId("o-1").paymentOption(payment)
                        .planType("Compute").durationSeconds(seconds).currency("USD").build())
                .rate("0.0250000000").unit("Hrs").productType("Fargate").serviceCode(service).usageType(usage)
                .properties(SavingsPlanOfferingRateProperty.builder().name("region").value(region).build())
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "31536000, No Upfront,      CAN1-Fargate-vCPU-Hours:perCPU,     fargate.x86.vcpu-hour.savings-plan-1y-no-upfront",
        "94608000, Partial Upfront, CAN1-Fargate-ARM-GB-Hours,          fargate.arm64.gb-hour.savings-plan-3y-partial-upfront",
        "94608000, All Upfront,     Fargate-ARM-vCPU-Hours:perCPU,      fargate.arm64.vcpu-hour.savings-plan-3y-all-upfront",
        "31536000, All Upfront,     USE1-Fargate-GB-Hours,              fargate.x86.gb-hour.savings-plan-1y-all-upfront"
    })
    void aLinuxFargateRateBecomesItsKey(long seconds, String payment, String usage, String key) {
        assertThat(FargateSavingsPlanRates.rate(row(seconds, payment, "AmazonECS", usage, "ca-central-1"), "ca-central-1"))
                .get().satisfies(r -> {
                    assertThat(r.key()).isEqualTo(key);
                    assertThat(r.usd()).isEqualByComparingTo("0.025");
                    assertThat(r.usd().toPlainString()).isEqualTo("0.025");
                });
    }

    @Test
    void rowsThatAreNotEcsLinuxFargateInTheRegionAreSkipped() {
        assertThat(FargateSavingsPlanRates.rate(row(31536000, "No Upfront", "AmazonEKS",
                "CAN1-Fargate-vCPU-Hours:perCPU", "ca-central-1"), "ca-central-1")).isEmpty();
        assertThat(FargateSavingsPlanRates.rate(row(31536000, "No Upfront", "AmazonECS",
                "CAN1-Fargate-Windows-vCPU-Hours:perCPU", "ca-central-1"), "ca-central-1")).isEmpty();
        assertThat(FargateSavingsPlanRates.rate(row(31536000, "No Upfront", "AmazonECS",
                "CAN1-Fargate-EphemeralStorage-GB-Hours", "ca-central-1"), "ca-central-1")).isEmpty();
        assertThat(FargateSavingsPlanRates.rate(row(31536000, "No Upfront", "AmazonECS",
                "USE1-Fargate-vCPU-Hours:perCPU", "us-east-1"), "ca-central-1")).isEmpty();
        // a term the table has no key for (a 2-year plan, should AWS sell one) is not squeezed into 1y or 3y
        assertThat(FargateSavingsPlanRates.rate(row(63072000, "No Upfront", "AmazonECS",
                "CAN1-Fargate-vCPU-Hours:perCPU", "ca-central-1"), "ca-central-1")).isEmpty();
    }
}
