package dev.bella.pricing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds one Price List entry in the shape GetProducts returns it (a JSON document inside a string),
 * with the real term and rate code layout: {@code SKU.TERM} for a term, {@code SKU.TERM.DIM} for a
 * price dimension.
 */
final class ProductJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SKUS = new AtomicInteger();
    private static final String ON_DEMAND = "JRTCKXETXF";
    private static final String HOURLY = "6YS6EN2CT7";
    private static final String UPFRONT = "2TG2D8R56U";

    private final String sku = "TESTSKU%05d".formatted(SKUS.incrementAndGet());
    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode attributes;
    private final ObjectNode terms;

    private ProductJson(String serviceCode, String family) {
        ObjectNode product = root.putObject("product");
        product.put("productFamily", family);
        attributes = product.putObject("attributes");
        product.put("sku", sku);
        root.put("serviceCode", serviceCode);
        terms = root.putObject("terms");
        root.put("version", "20261101000000");
        root.put("publicationDate", "2026-11-01T00:00:00Z");
        attributes.put("servicecode", serviceCode);
    }

    /** A product of a region (location type AWS Region) with its usage type. */
    static ProductJson product(String serviceCode, String family, String region, String usagetype) {
        return new ProductJson(serviceCode, family)
                .attr("regionCode", region)
                .attr("location", region.equals("ca-central-1") ? "Canada (Central)" : "US East (N. Virginia)")
                .attr("locationType", "AWS Region")
                .attr("usagetype", usagetype);
    }

    ProductJson attr(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    ProductJson without(String name) {
        attributes.remove(name);
        return this;
    }

    /** One on-demand price, untiered. */
    ProductJson onDemand(String unit, String usd) {
        return tiered(unit, List.of("0", "Inf", usd));
    }

    /** On-demand tiers, each as begin, end, price. */
    ProductJson tiered(String unit, List<String> tiers) {
        ObjectNode term = terms.withObjectProperty("OnDemand").putObject(sku + "." + ON_DEMAND);
        ObjectNode dimensions = term.putObject("priceDimensions");
        for (int i = 0; i < tiers.size(); i += 3) {
            String rate = sku + "." + ON_DEMAND + "." + (i == 0 ? HOURLY : "TIER" + i);
            ObjectNode d = dimensions.putObject(rate);
            d.put("unit", unit);
            d.put("beginRange", tiers.get(i));
            d.put("endRange", tiers.get(i + 1));
            d.put("description", "USD " + tiers.get(i + 2) + " per " + unit);
            d.putArray("appliesTo");
            d.put("rateCode", rate);
            d.putObject("pricePerUnit").put("USD", tiers.get(i + 2));
        }
        term.put("sku", sku);
        term.put("effectiveDate", "2026-11-01T00:00:00Z");
        term.put("offerTermCode", ON_DEMAND);
        term.putObject("termAttributes");
        return this;
    }

    /** A reservation: an upfront fee (null for none) and an hourly rate. */
    ProductJson reserved(String termCode, String lease, String option, String upfront, String hourly) {
        ObjectNode term = terms.withObjectProperty("Reserved").putObject(sku + "." + termCode);
        ObjectNode dimensions = term.putObject("priceDimensions");
        if (upfront != null) {
            ObjectNode fee = dimensions.putObject(sku + "." + termCode + "." + UPFRONT);
            fee.put("unit", "Quantity");
            fee.put("description", "Upfront Fee");
            fee.putArray("appliesTo");
            fee.put("rateCode", sku + "." + termCode + "." + UPFRONT);
            fee.putObject("pricePerUnit").put("USD", upfront);
        }
        ObjectNode hours = dimensions.putObject(sku + "." + termCode + "." + HOURLY);
        hours.put("unit", "Hrs");
        hours.put("beginRange", "0");
        hours.put("endRange", "Inf");
        hours.put("description", "USD " + hourly + " per reserved instance hour");
        hours.putArray("appliesTo");
        hours.put("rateCode", sku + "." + termCode + "." + HOURLY);
        hours.putObject("pricePerUnit").put("USD", hourly);
        term.put("sku", sku);
        term.put("effectiveDate", "2026-11-01T00:00:00Z");
        term.put("offerTermCode", termCode);
        ObjectNode t = term.putObject("termAttributes");
        t.put("LeaseContractLength", lease);
        t.put("OfferingClass", "standard");
        t.put("PurchaseOption", option);
        return this;
    }

    String json() {
        return root.toString();
    }

    /** A GetProducts response body (AWS JSON 1.1); {@code nextToken} null on the last page. */
    static String page(List<String> priceList, String nextToken) {
        ObjectNode body = JSON.createObjectNode();
        body.put("FormatVersion", "aws_v1");
        priceList.forEach(body.putArray("PriceList")::add);
        if (nextToken != null) {
            body.put("NextToken", nextToken);
        }
        return body.toString();
    }
}
