package dev.bella.spend;

import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Twilio's usage records beside what the booking ledger recorded for the same period, category by category, so a
 * drift between what the service measured (and the price model priced) and what Twilio billed shows in the report:
 * calls, inbound minutes, and speech recognition in dollars (the ledger prices speech per 15 s block, Twilio counts
 * recognitions, so only the dollars compare). A category Twilio did not report is said so, never taken as zero.
 */
final class TwilioReconciliation {

    private TwilioReconciliation() {
    }

    static String note(TwilioUsage.Result twilio, LedgerReader.Totals ledger) {
        List<String> parts = new ArrayList<>();
        parts.add("calls " + twilio.calls() + " (ledger " + ledger.calls() + ")");
        parts.add(line(twilio, TwilioUsage.Category.INBOUND_MINUTES)
                .map(l -> "inbound minutes " + plain(l.quantity()) + " (ledger " + plain(ledger.twilioMinutes())
                        + difference(l.quantity(), ledger.twilioMinutes()) + ")")
                .orElse("inbound minutes not reported by Twilio"));
        LedgerReader.Measured m = ledger.measured();
        if (m.pricedCalls() > 0) {
            parts.add(line(twilio, TwilioUsage.Category.SPEECH_RECOGNITION)
                    .map(l -> "speech recognition $" + l.amount().setScale(2, RoundingMode.HALF_UP) + " (ledger $"
                            + m.speechUsd().setScale(2, RoundingMode.HALF_UP) + difference(l.amount(), m.speechUsd()) + ")")
                    .orElse("speech recognition not reported by Twilio"));
        }
        return "Twilio's usage records against the ledger: " + String.join("; ", parts);
    }

    private static Optional<LineItem> line(TwilioUsage.Result twilio, TwilioUsage.Category category) {
        return twilio.lines().stream().filter(l -> l.id().equals(category.lineId)).findFirst();
    }

    /** Twilio's figure relative to the ledger's, in percent with one decimal; nothing when the ledger has none. */
    private static String difference(BigDecimal twilio, BigDecimal ledger) {
        if (ledger.signum() == 0) {
            return "";
        }
        BigDecimal percent = twilio.subtract(ledger).multiply(BigDecimal.valueOf(100)).divide(ledger, 1, RoundingMode.HALF_UP);
        return ", " + (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
