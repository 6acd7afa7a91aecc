package dev.bella.pricing;

import dev.bella.pricing.PriceListProduct.Dimension;
import dev.bella.pricing.PriceListProduct.Reservation;
import dev.bella.pricing.PriceRule.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns a product's terms into one price. */
final class Terms {

    /** A reservation's year is billed as 365 days of 24 hours, whatever the calendar year. */
    static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);
    private static final Map<String, String> LEASES = Map.of("1y", "1yr", "3y", "3yr");
    /** Enough places for an amortised hourly price to round-trip the upfront fee within a cent. */
    private static final int AMORTISED_SCALE = 6;

    private Terms() {
    }

    /**
     * The on-demand price; for a tiered price the first paid tier (data transfer's first GBs, for one,
     * can be a free tier that the table keeps as an allowance of its own).
     */
    static Optional<Quote> onDemand(PriceListProduct p) {
        List<Dimension> tiers = p.onDemand().stream().sorted(Comparator.comparing(Dimension::beginRange)).toList();
        if (tiers.isEmpty()) {
            return Optional.empty();
        }
        Dimension paid = tiers.stream().filter(d -> d.usd().signum() > 0).findFirst().orElse(tiers.getFirst());
        String tier = tiers.size() > 1 ? ", tier from " + paid.beginRange().toPlainString() + " " + paid.unit() : "";
        return Optional.of(new Quote(plain(paid.usd()), "sku " + p.sku() + tier));
    }

    /** The on-demand price times {@code factor}, for a table that prices per million requests. */
    static Function<PriceListProduct, Optional<Quote>> onDemandTimes(BigDecimal factor) {
        return p -> onDemand(p).map(q -> new Quote(plain(q.price().multiply(factor)), q.note()));
    }

    /** The effective hourly price of a 1-year standard reservation; see {@link #reserved}. */
    static Function<PriceListProduct, Optional<Quote>> reservedOneYear(String purchaseOption) {
        return reserved("1y", purchaseOption);
    }

    /**
     * The effective hourly price of a standard reservation of this term ({@code 1y}, {@code 3y}): the hourly rate
     * plus the upfront fee spread over the term's hours (8760 a year). {@code purchaseOption} is the Price List's
     * wording, e.g. {@code Partial Upfront}.
     */
    static Function<PriceListProduct, Optional<Quote>> reserved(String term, String purchaseOption) {
        String lease = LEASES.get(term);
        BigDecimal hours = HOURS_PER_YEAR.multiply(new BigDecimal(term.substring(0, 1)));
        return p -> p.reserved().stream()
                .filter(r -> lease.equals(r.leaseContractLength()) && purchaseOption.equals(r.purchaseOption()))
                // convertible reservations cost more and are EC2's; RDS and ElastiCache say standard or nothing
                .filter(r -> r.offeringClass().isEmpty() || "standard".equals(r.offeringClass()))
                .findFirst()
                .map(r -> effectiveHourly(p.sku(), r, hours));
    }

    private static Quote effectiveHourly(String sku, Reservation r, BigDecimal termHours) {
        BigDecimal upfront = BigDecimal.ZERO;
        BigDecimal hourly = BigDecimal.ZERO;
        for (Dimension d : r.dimensions()) {
            if ("Quantity".equalsIgnoreCase(d.unit())) {
                upfront = upfront.add(d.usd());
            } else {
                hourly = hourly.add(d.usd());
            }
        }
        BigDecimal effective = hourly.add(upfront.divide(termHours, AMORTISED_SCALE, RoundingMode.HALF_UP));
        String note = "sku " + sku + ", " + r.leaseContractLength() + " " + r.purchaseOption()
                + (upfront.signum() > 0 ? ": " + plain(upfront).toPlainString() + " USD upfront / "
                        + termHours.toPlainString() + " h + "
                        + plain(hourly).toPlainString() + " USD/h" : "");
        return new Quote(plain(effective), note);
    }

    /** 0.0445600000 becomes 0.04456: the API pads every price to ten places. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
