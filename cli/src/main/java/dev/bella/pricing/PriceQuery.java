package dev.bella.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/**
 * One GetProducts call: a service and the attribute values every product returned must have. The filters
 * keep the answer to a few pages (AmazonEC2 alone has hundreds of thousands of products); the rules then
 * pick products from it.
 *
 * @param regionField the attribute holding the region: {@code regionCode} for most services,
 *                    {@code fromRegionCode} for data transfer
 */
record PriceQuery(String serviceCode, String regionField, Map<String, String> filters) {

    /** The Price List API's largest page. */
    static final int PAGE_SIZE = 100;

    PriceQuery {
        filters = new TreeMap<>(filters);
    }

    static PriceQuery of(String serviceCode, Map<String, String> filters) {
        return new PriceQuery(serviceCode, "regionCode", filters);
    }

    GetProductsRequest request(String region) {
        List<Filter> list = new ArrayList<>();
        list.add(termMatch(regionField, region));
        filters.forEach((field, value) -> list.add(termMatch(field, value)));
        return GetProductsRequest.builder()
                .serviceCode(serviceCode)
                .formatVersion("aws_v1")
                .maxResults(PAGE_SIZE)
                .filters(list)
                .build();
    }

    /**
     * Whether a product has the values this query asked for. The API filters already; checking again costs
     * nothing and keeps a stray product (or a test stub) from being priced as something it is not. An
     * attribute the product does not carry at all is not held against it.
     */
    boolean accepts(PriceListProduct product, String region) {
        if (!has(product, regionField, region)) {
            return false;
        }
        return filters.entrySet().stream().allMatch(f -> has(product, f.getKey(), f.getValue()));
    }

    private static boolean has(PriceListProduct product, String field, String value) {
        String actual = "productFamily".equals(field) ? product.family() : product.attribute(field);
        return actual.isEmpty() || actual.equals(value);
    }

    private static Filter termMatch(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }
}
