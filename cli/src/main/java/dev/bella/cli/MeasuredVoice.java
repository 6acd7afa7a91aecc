package dev.bella.cli;

import dev.bella.prices.VoiceUsage;
import dev.bella.spend.LedgerReader;
import dev.bella.spend.SpendPeriod;
import dev.bella.spend.SpendReportService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The voice usage the booking ledger measured, for the estimate: every call the ledger holds up to today (UTC).
 * Reading it is what makes a bad --ledger-url or missing Twilio credentials fail with the estimate too, instead of
 * being ignored. Twilio's usage records carry no per-Gather detail, so only the ledger supplies the averages.
 */
final class MeasuredVoice {

    private final SpendReportService.ThirdParty third;
    private final Clock clock;
    private LedgerReader.Totals totals;

    MeasuredVoice(SpendReportService.ThirdParty third, Clock clock) {
        this.third = third;
        this.clock = clock;
    }

    Optional<VoiceUsage> voiceUsage() {
        SpendPeriod all = SpendPeriod.between(LocalDate.of(2000, 1, 1),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
        third.twilio().ifPresent(t -> t.fetch(all));
        totals = third.ledger().map(l -> l.read(all)).orElse(null);
        return totals == null ? Optional.empty() : totals.measured().voiceUsage();
    }

    String note() {
        if (totals == null) {
            return "voice usage: the spec's assumptions (--twilio gives no per-Gather figures; add --ledger-url)";
        }
        if (totals.measured().pricedCalls() == 0) {
            return "voice usage: the spec's assumptions (the ledger has no priced calls yet)";
        }
        return "voice usage from the ledger: " + totals.measured().averages();
    }
}
