package dev.bella.pricing;

import dev.bella.prices.PriceCatalog;
import dev.bella.prices.PriceEntry;
import dev.bella.prices.PriceTable;
import dev.bella.pricing.PriceRule.Quote;
import dev.bella.pricing.PriceTableWriter.Line;
import dev.bella.pricing.PriceTableWriter.Source;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;

/**
 * Rebuilds a region's price table from the AWS Price List API, and the Compute Savings Plans rates of Fargate from
 * the Savings Plans API (which GetProducts does not serve). The prices AWS publishes are read fresh;
 * the rest (OpenAI, Twilio, free allowances, the floating Fargate Spot discount) are carried over from
 * an existing table, because the Price List does not have them.
 *
 * <pre>{@code
 * try (PricingClient pricing = awsClients.create(PricingClient.builder());
 *      SavingsplansClient plans = awsClients.create(SavingsplansClient.builder())) {
 *     Refreshed r = new PriceTableRefresher(pricing, plans, Clock.systemUTC()).refresh("ca-central-1", existing);
 * }
 * }</pre>
 */
public final class PriceTableRefresher {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final String OFFER_FILE = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/%s/current/%s/index.json";

    /** Where the Savings Plans rates come from: the API, asked for Compute plans, ECS Fargate, one region. */
    static final String SAVINGS_PLANS_SOURCE = "https://savingsplans.amazonaws.com/DescribeSavingsPlansOfferingRates"
            + "?savingsPlanTypes=Compute&products=Fargate&serviceCodes=AmazonECS&region=%s";

    private final PricingClient client;
    private final FargateSavingsPlanRates savingsPlans;
    private final Clock clock;
    private final PriceListParser parser = new PriceListParser();

    /** The clients are the caller's to close. */
    public PriceTableRefresher(PricingClient client, SavingsplansClient savingsPlans, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.savingsPlans = new FargateSavingsPlanRates(savingsPlans);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the region's prices and returns the new table.
     *
     * @param region   an AWS region code, e.g. {@code ca-central-1}
     * @param existing the table to carry the non-AWS prices from; any region's will do, as those prices are
     *                 the same everywhere
     * @throws PriceListException when the API refuses (credentials, permissions, throttled past the retries),
     *                            cannot be reached, or answers something unreadable
     */
    public Refreshed refresh(String region, PriceTable existing) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not an AWS region code: '" + region + "' (expected e.g. ca-central-1)");
        }
        Objects.requireNonNull(existing, "existing");
        LocalDate today = LocalDate.now(clock);
        Map<String, Line> lines = new HashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        Map<PriceQuery, List<PriceListProduct>> answers = new HashMap<>();
        Set<String> refreshable = new LinkedHashSet<>();
        for (PriceRule rule : PriceRules.all()) {
            refreshable.add(rule.key());
            List<PriceListProduct> products = answers.computeIfAbsent(rule.query(), q -> fetch(q, region));
            List<Quote> quotes = products.stream().filter(p -> rule.query().accepts(p, region))
                    .filter(rule.matches()).map(rule.price())
                    .flatMap(Optional::stream).toList();
            Set<String> distinct = quotes.stream().map(q -> q.price().toPlainString())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (quotes.isEmpty()) {
                missing.add(rule.key());
            } else if (distinct.size() > 1) {
                missing.add(rule.key());
                warnings.add(rule.key() + ": " + quotes.size() + " products match at different prices ("
                        + quotes.stream().map(q -> q.price().toPlainString() + " from " + q.note())
                        .collect(Collectors.joining("; ")) + "); left out");
            } else {
                String code = rule.query().serviceCode();
                sources.putIfAbsent(code, new Source(code, OFFER_FILE.formatted(code, region), today));
                Quote q = quotes.getFirst();
                lines.put(rule.key(), new Line(rule.key(), q.price(), rule.unit(), code, today, q.note()));
            }
        }

        readSavingsPlanRates(region, today, lines, sources, missing, warnings, refreshable);

        List<String> order = new ArrayList<>(PriceCatalog.allKeys());
        order.addAll(PriceCatalog.commitmentKeys());
        existing.all().keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
        List<String> carried = new ArrayList<>();
        for (String key : order) {
            if (refreshable.contains(key)) {
                continue;
            }
            PriceEntry e = existing.all().get(key);
            if (e == null) {
                missing.add(key);
                continue;
            }
            String id = carriedSource(sources, e);
            lines.put(key, new Line(key, e.price(), e.unit(), id, e.date(), e.note()));
            carried.add(key);
        }

        PriceTableWriter writer = new PriceTableWriter(region, "Written by `bella prices refresh` on " + today
                + " from the AWS Price List API (GetProducts) and, for Fargate's Compute Savings Plans rates, the"
                + " Savings Plans API (DescribeSavingsPlansOfferingRates). Entries whose source is a Price List offer"
                + " file or the Savings Plans API were read then; the others (" + String.join(", ", carried) + ") were carried over from "
                + existing.name() + ", because the Price List does not publish them.");
        sources.values().forEach(writer::source);
        order.stream().map(lines::get).filter(Objects::nonNull).forEach(writer::line);
        List<String> missingInOrder = order.stream().filter(missing::contains).toList();
        return new Refreshed(writer.write(), missingInOrder, carried, warnings);
    }

    /**
     * Fargate's Compute Savings Plans rates, one per architecture, vCPU or GB, term and payment option; a key the API
     * gave no rate for is missing, and two rates for one key are a warning, never a guess.
     */
    private void readSavingsPlanRates(String region, LocalDate today, Map<String, Line> lines, Map<String, Source> sources,
                                      List<String> missing, List<String> warnings, Set<String> refreshable) {
        Map<String, List<FargateSavingsPlanRates.Rate>> byKey = savingsPlans.fetch(region).stream()
                .collect(Collectors.groupingBy(FargateSavingsPlanRates.Rate::key));
        for (String key : PriceCatalog.commitmentKeys()) {
            if (!key.startsWith("fargate.")) {
                continue;
            }
            refreshable.add(key);
            List<FargateSavingsPlanRates.Rate> rates = byKey.getOrDefault(key, List.of());
            Set<String> distinct = rates.stream().map(r -> r.usd().toPlainString())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (rates.isEmpty()) {
                missing.add(key);
            } else if (distinct.size() > 1) {
                missing.add(key);
                warnings.add(key + ": " + rates.size() + " Savings Plans rates at different prices (" + String.join(", ",
                        distinct) + "); left out");
            } else {
                sources.putIfAbsent("savingsplans", new Source("savingsplans", SAVINGS_PLANS_SOURCE.formatted(region), today));
                FargateSavingsPlanRates.Rate r = rates.getFirst();
                String unit = key.contains(".vcpu-hour.") ? "vCPU-hour" : "GB-hour";
                lines.put(key, new Line(key, r.usd(), unit, "savingsplans", today, r.note()));
            }
        }
    }

    /**
     * The carried entry keeps its source; the source's retrieved date is that of the first entry seen,
     * and an entry read on another day keeps its own date. A name already taken by a different source
     * (a refreshed service code, say) gets the entry's date appended.
     */
    private static String carriedSource(Map<String, Source> sources, PriceEntry e) {
        LocalDate date = e.date() == null ? LocalDate.EPOCH : e.date();
        Source prior = sources.get(e.source());
        if (prior == null) {
            sources.put(e.source(), new Source(e.source(), e.url(), date));
            return e.source();
        }
        if (prior.url().equals(e.url())) {
            return e.source();
        }
        String id = e.source() + "-" + date;
        sources.putIfAbsent(id, new Source(id, e.url(), date));
        return id;
    }

    private List<PriceListProduct> fetch(PriceQuery query, String region) {
        List<PriceListProduct> products = new ArrayList<>();
        try {
            // the paginator follows NextToken; each page's PriceList is a list of JSON documents in strings
            for (String json : client.getProductsPaginator(query.request(region)).priceList()) {
                products.add(parser.parse(query.serviceCode(), json));
            }
        } catch (AwsServiceException e) {
            throw PriceListException.refused(query.serviceCode(), e);
        } catch (SdkClientException e) {
            throw PriceListException.unreachable(query.serviceCode(), e);
        }
        return products;
    }
}
