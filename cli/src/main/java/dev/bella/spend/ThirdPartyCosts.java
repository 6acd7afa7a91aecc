package dev.bella.spend;

import dev.bella.report.LineItem;
import java.util.List;
import java.util.OptionalLong;

/**
 * Costs outside AWS for the period: Twilio (its Usage Records API) and OpenAI (tokens from the booking
 * service's ledger priced from the price table), and the number of calls, for cost per call.
 *
 * @param calls calls in the period: the ledger's rows, else Twilio's inbound call count, else unknown
 */
public record ThirdPartyCosts(List<LineItem> lines, OptionalLong calls, List<String> notes) {

    public ThirdPartyCosts {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public static final ThirdPartyCosts NONE = new ThirdPartyCosts(List.of(), OptionalLong.empty(), List.of());
}
