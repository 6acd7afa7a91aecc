package dev.bella.pricing;

import dev.bella.prices.PriceKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;
import software.amazon.awssdk.services.savingsplans.model.DescribeSavingsPlansOfferingRatesRequest;
import software.amazon.awssdk.services.savingsplans.model.DescribeSavingsPlansOfferingRatesResponse;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanOfferingRate;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanOfferingRateFilterElement;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanProductType;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanRateFilterAttribute;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanRateServiceCode;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanType;

/**
 * The Compute Savings Plans rates of ECS on Fargate in one region, from the Savings Plans API
 * ({@code savingsplans:DescribeSavingsPlansOfferingRates}, REST-JSON, pages by {@code nextToken}). The Price List's
 * GetProducts does not serve them: Savings Plans rates are a service of their own. Each rate is what one vCPU-hour or
 * GB-hour costs under a plan of that term and payment option; an upfront payment prepays the commitment, so the rate
 * needs no amortising.
 */
final class FargateSavingsPlanRates {

    /** The API's page size limit; Fargate in one region is a few dozen rates, so one page is usual. */
    private static final int PAGE = 1000;
    private static final Map<Long, String> TERMS = Map.of(31_536_000L, "1y", 94_608_000L, "3y");
    private static final Map<String, String> PAYMENTS = Map.of("No Upfront", "no-upfront", "Partial Upfront",
            "partial-upfront", "All Upfront", "all-upfront");

    private static final Pattern USAGE = Pattern.compile("(?:[A-Z]{2,4}[0-9]?-)?(Fargate-.+)");

    /** One rate, already under the price table's key. */
    record Rate(String key, BigDecimal usd, String note) {
    }

    private final SavingsplansClient client;

    FargateSavingsPlanRates(SavingsplansClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Every Fargate (Linux, x86 and ARM) rate of a Compute Savings Plan in {@code region}; other rows are skipped. */
    List<Rate> fetch(String region) {
        List<Rate> rates = new ArrayList<>();
        String token = null;
        do {
            DescribeSavingsPlansOfferingRatesRequest request = DescribeSavingsPlansOfferingRatesRequest.builder()
                    .savingsPlanTypes(SavingsPlanType.COMPUTE)
                    .products(SavingsPlanProductType.FARGATE)
                    // ECS's Fargate; EKS's has rates of its own under AmazonEKS
                    .serviceCodes(SavingsPlanRateServiceCode.AMAZON_ECS)
                    .filters(SavingsPlanOfferingRateFilterElement.builder()
                            .name(SavingsPlanRateFilterAttribute.REGION).values(region).build())
                    .maxResults(PAGE)
                    .nextToken(token)
                    .build();
            DescribeSavingsPlansOfferingRatesResponse page = call(request);
            for (SavingsPlanOfferingRate r : page.searchResults()) {
                rate(r, region).ifPresent(rates::add);
            }
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null);
        return rates;
    }

    private DescribeSavingsPlansOfferingRatesResponse call(DescribeSavingsPlansOfferingRatesRequest request) {
        try {
            return client.describeSavingsPlansOfferingRates(request);
        } catch (AwsServiceException e) {
            throw PriceListException.savingsPlansRefused(e);
        } catch (SdkClientException e) {
            throw PriceListException.savingsPlansUnreachable(e);
        }
    }

    /** The table key of one API row, when it is a Linux Fargate vCPU or memory rate in USD of a plan we know. */
    static Optional<Rate> rate(SavingsPlanOfferingRate r, String region) {
        var offering = r.savingsPlanOffering();
        if (offering == null || !"Compute".equals(offering.planTypeAsString())
                || !"USD".equals(offering.currencyAsString()) || !"Fargate".equals(r.productTypeAsString())
                || !"AmazonECS".equals(r.serviceCodeAsString()) || r.usageType() == null || r.rate() == null) {
            return Optional.empty();
        }
        boolean otherRegion = r.properties().stream()
                .anyMatch(p -> "region".equals(p.name()) && !region.equals(p.value()));
        String term = TERMS.get(offering.durationSeconds());
        String payment = PAYMENTS.get(offering.paymentOptionAsString());
        if (otherRegion || term == null || payment == null) {
            return Optional.empty();
        }
        // usage types usually carry the region's billing prefix (CAN1-Fargate-vCPU-Hours:perCPU), not always;
        // Windows and ephemeral-storage rows are left out
        Matcher m = USAGE.matcher(r.usageType());
        String key = !m.matches() ? null : switch (m.group(1)) {
            case "Fargate-vCPU-Hours:perCPU" -> PriceKeys.fargateSavingsPlanVcpuHour("x86", term, payment);
            case "Fargate-GB-Hours" -> PriceKeys.fargateSavingsPlanGbHour("x86", term, payment);
            case "Fargate-ARM-vCPU-Hours:perCPU" -> PriceKeys.fargateSavingsPlanVcpuHour("arm64", term, payment);
            case "Fargate-ARM-GB-Hours" -> PriceKeys.fargateSavingsPlanGbHour("arm64", term, payment);
            default -> null;
        };
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(new Rate(key, Terms.plain(new BigDecimal(r.rate())), "offering " + offering.offeringId()
                + ", " + r.usageType() + (offering.planDescription() == null ? "" : ", " + offering.planDescription())));
    }
}
