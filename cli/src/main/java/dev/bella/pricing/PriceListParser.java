package dev.bella.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.pricing.PriceListProduct.Dimension;
import dev.bella.pricing.PriceListProduct.Reservation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one entry of GetProducts' {@code PriceList}: a JSON document in a string, shaped
 * {@code {"product": {...}, "terms": {"OnDemand": {...}, "Reserved": {...}}}}. Prices stay decimal text
 * until they become BigDecimal, never a double.
 */
final class PriceListParser {

    private final ObjectMapper json = new ObjectMapper();

    PriceListProduct parse(String serviceCode, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw PriceListException.unreadable(serviceCode, "not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode product = root.path("product");
        if (!product.isObject()) {
            throw PriceListException.unreadable(serviceCode, "no \"product\" object", null);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        product.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
        String sku = product.path("sku").asText("");

        List<Dimension> onDemand = new ArrayList<>();
        for (JsonNode term : root.path("terms").path("OnDemand")) {
            onDemand.addAll(dimensions(serviceCode, sku, term));
        }
        List<Reservation> reserved = new ArrayList<>();
        for (JsonNode term : root.path("terms").path("Reserved")) {
            JsonNode t = term.path("termAttributes");
            reserved.add(new Reservation(t.path("LeaseContractLength").asText(""), t.path("PurchaseOption").asText(""),
                    t.path("OfferingClass").asText(""), dimensions(serviceCode, sku, term)));
        }
        return new PriceListProduct(sku, product.path("productFamily").asText(""), attributes, onDemand, reserved);
    }

    private static List<Dimension> dimensions(String serviceCode, String sku, JsonNode term) {
        List<Dimension> out = new ArrayList<>();
        for (JsonNode d : term.path("priceDimensions")) {
            JsonNode usd = d.path("pricePerUnit").path("USD");
            if (usd.isMissingNode()) {
                continue; // priced in another currency only (the China regions); not ours to read
            }
            out.add(new Dimension(d.path("unit").asText(""), decimal(serviceCode, sku, usd.asText()),
                    decimal(serviceCode, sku, d.path("beginRange").asText("0")), d.path("description").asText("")));
        }
        return out;
    }

    private static BigDecimal decimal(String serviceCode, String sku, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw PriceListException.unreadable(serviceCode, "SKU " + sku + " has the number '" + text + "'", e);
        }
    }
}
