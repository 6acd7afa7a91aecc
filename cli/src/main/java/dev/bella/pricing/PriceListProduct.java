package dev.bella.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One product of the Price List (one SKU) with the terms we read: on-demand price dimensions and
 * reservations.
 */
record PriceListProduct(String sku, String family, Map<String, String> attributes,
                        List<Dimension> onDemand, List<Reservation> reserved) {

    /**
     * Usage types carry a region prefix (CAN1-, USE1-, EU- ...) in most regions and none in some (us-east-1
     * load balancers). The prefix is capitals ending in a digit, or EU; a capitals-only part such as the TS-
     * of TS-LoadBalancerUsage (a trust store, another price) is part of the usage type and must stay.
     */
    private static final Pattern REGION_PREFIX = Pattern.compile("^(?:[A-Z]{2,4}[0-9]|EU)-");

    PriceListProduct {
        attributes = Map.copyOf(attributes);
        onDemand = List.copyOf(onDemand);
        reserved = List.copyOf(reserved);
    }

    /** One price dimension; {@code beginRange} is where its tier starts (0 when untiered). */
    record Dimension(String unit, BigDecimal usd, BigDecimal beginRange, String description) {
    }

    /** One reservation offer: its term attributes and its dimensions (an upfront fee and/or an hourly rate). */
    record Reservation(String leaseContractLength, String purchaseOption, String offeringClass,
                       List<Dimension> dimensions) {

        Reservation {
            dimensions = List.copyOf(dimensions);
        }
    }

    String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }

    /** The usage type without its region prefix, e.g. {@code Fargate-vCPU-Hours:perCPU}. */
    String usage() {
        return REGION_PREFIX.matcher(attribute("usagetype")).replaceFirst("");
    }
}
