package dev.bella.spend;

import dev.bella.report.CostReport;
import dev.bella.report.LineItem;
import dev.bella.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The actual-spend side of `bella cost report`: spend from one source, third-party costs for the same
 * period, cost per call and budget status, as the report every format renders.
 */
public final class SpendReportService {

    /** The optional third-party providers; either may be absent. */
    public record ThirdParty(Optional<TwilioUsage> twilio, Optional<LedgerReader> ledger) {
        public static final ThirdParty NONE = new ThirdParty(Optional.empty(), Optional.empty());
    }

    public CostReport report(SpendSource source, SpendQuery q, ThirdParty third, Spec spec) {
        Spend spend = source.fetch(q);
        if (q.forecast() && spend.forecast().isEmpty() && !(source instanceof CostExplorerSpend)) {
            Optional<Spend.Forecast> runRate = SpendReportBuilder.runRate(spend);
            List<String> unavailable = new ArrayList<>(spend.unavailable());
            if (runRate.isEmpty()) {
                unavailable.add("forecast: the period ends with its month (or has no daily figures); nothing to forecast");
            }
            spend = new Spend(spend.source(), spend.period(), spend.lines(), spend.daily(), spend.estimatedDays(),
                    spend.notes(), unavailable, runRate, spend.imported());
        }
        ThirdPartyCosts costs = thirdParty(third, spend.period(), spec, q.environment());
        return SpendReportBuilder.build(spend, costs, spec.budget(), spec.source().label(), q.environment());
    }

    static ThirdPartyCosts thirdParty(ThirdParty third, SpendPeriod period, Spec spec, Optional<String> env) {
        if (third.twilio().isEmpty() && third.ledger().isEmpty()) {
            return ThirdPartyCosts.NONE;
        }
        List<LineItem> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        OptionalLong calls = OptionalLong.empty();
        Optional<TwilioUsage.Result> twilio = third.twilio().map(t -> t.fetch(period));
        twilio.ifPresent(t -> lines.addAll(t.lines()));
        if (third.ledger().isPresent()) {
            LedgerReader.Totals t = third.ledger().get().read(period);
            String model = env.flatMap(spec::environment).map(e -> e.usage().llmModel()).orElse(spec.usage().llmModel());
            lines.addAll(LedgerReader.lines(t, spec.prices(), model, twilio.isEmpty()));
            calls = OptionalLong.of(t.calls());
            notes.add("ledger: " + t.calls() + " calls, " + t.llmCalls() + " LLM calls, " + t.tokensIn() + " input and "
                    + t.tokensOut() + " output tokens (priced from " + spec.prices().name() + ")");
            if (t.measured().pricedCalls() > 0) {
                notes.add(t.measured().averages());
                notes.add(t.measured().costPerCall());
            }
            twilio.ifPresent(tw -> notes.add(TwilioReconciliation.note(tw, t)));
        } else if (twilio.isPresent()) {
            calls = OptionalLong.of(twilio.get().calls());
            notes.add("calls: Twilio's inbound call count (no ledger given)");
        }
        return new ThirdPartyCosts(lines, calls, notes);
    }
}
