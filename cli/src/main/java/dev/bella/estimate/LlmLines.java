package dev.bella.estimate;

import static dev.bella.prices.PriceKeys.llmInputMillionTokens;
import static dev.bella.prices.PriceKeys.llmOutputMillionTokens;

import dev.bella.prices.PriceTable;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The language model's two lines (input and output tokens) for a number of requests: one formula for the
 * estimate and for the alternatives that swap the model, so both describe and price them alike.
 */
public final class LlmLines {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private LlmLines() {
    }

    public static List<LineItem> of(PriceTable prices, String model, BigDecimal requests, int inputTokens,
                                    int outputTokens) {
        String in = llmInputMillionTokens(model);
        String out = llmOutputMillionTokens(model);
        return List.of(
                LineItem.priced("openai-input", "OpenAI " + model + " input tokens ("
                                + requests.setScale(0, RoundingMode.HALF_UP) + " requests)",
                        requests.multiply(BigDecimal.valueOf(inputTokens)).divide(MILLION, MathContext.DECIMAL64),
                        "million tokens", prices.price(in), in),
                LineItem.priced("openai-output", "OpenAI " + model + " output tokens",
                        requests.multiply(BigDecimal.valueOf(outputTokens)).divide(MILLION, MathContext.DECIMAL64),
                        "million tokens", prices.price(out), out));
    }
}
