package dev.bella.commitments;

import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.model.PaymentOption;

/** How a commitment is paid: nothing, part or all of it up front. */
public enum Payment {
    NO_UPFRONT("no-upfront", PaymentOption.NO_UPFRONT),
    PARTIAL_UPFRONT("partial-upfront", PaymentOption.PARTIAL_UPFRONT),
    ALL_UPFRONT("all-upfront", PaymentOption.ALL_UPFRONT);

    private final String id;
    private final PaymentOption api;

    Payment(String id, PaymentOption api) {
        this.id = id;
        this.api = api;
    }

    public String id() {
        return id;
    }

    PaymentOption api() {
        return api;
    }

    public static Optional<Payment> parse(String s) {
        return Arrays.stream(values()).filter(p -> p.id.equals(s)).findFirst();
    }
}
