package dev.bella.spend;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.usage.Record;
import dev.bella.report.LineItem;
import dev.bella.report.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;

/**
 * Twilio's inbound-call charges for the period, from the Usage Records API through the official SDK.
 * Credentials come from the environment (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN), never from YAML.
 */
public final class TwilioUsage {

    public static final String CATEGORY = "calls-inbound";

    private final TwilioRestClient client;

    public TwilioUsage(TwilioRestClient client) {
        this.client = client;
    }

    /**
     * A client for the account; {@code apiBase} sends the SDK's requests to another host (a proxy, a test
     * server) by routing its connections there, since the SDK builds api.twilio.com URLs itself.
     */
    public static TwilioRestClient client(String accountSid, String authToken, Optional<URI> apiBase) {
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(accountSid, authToken);
        apiBase.ifPresent(base -> {
            HttpHost host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
            builder.httpClient(new NetworkHttpClient(HttpClientBuilder.create()
                    .setRoutePlanner((target, context) -> new HttpRoute(host))));
        });
        return builder.build();
    }

    /** One line: the period's inbound minutes and what Twilio charged for them; the call count with it. */
    public Result fetch(SpendPeriod period) {
        BigDecimal price = BigDecimal.ZERO;
        BigDecimal minutes = BigDecimal.ZERO;
        long calls = 0;
        try {
            // Twilio's EndDate is inclusive; the period's end is exclusive
            ResourceSet<Record> records = Record.reader().setCategory(CATEGORY).setStartDate(period.start())
                    .setEndDate(period.endExclusive().minusDays(1)).read(client);
            for (Record r : records) {
                if (r.getPriceUnit() != null && !r.getPriceUnit().getCurrencyCode().equals("USD")) {
                    throw new SpendException("Twilio bills this account in " + r.getPriceUnit().getCurrencyCode()
                            + "; the report is in USD");
                }
                price = price.add(r.getPrice() == null ? BigDecimal.ZERO : r.getPrice());
                minutes = minutes.add(number(r.getUsage()));
                calls += number(r.getCount()).longValue();
            }
        } catch (ApiException e) {
            throw new ProviderException("Twilio error" + (e.getStatusCode() == null ? "" : " " + e.getStatusCode()) + ": "
                    + e.getMessage() + (Integer.valueOf(401).equals(e.getStatusCode())
                    ? "; check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN" : ""), e);
        } catch (TwilioException e) {
            throw new ProviderException("Twilio unreachable: " + e.getMessage(), e);
        }
        BigDecimal unit = minutes.signum() == 0 ? BigDecimal.ZERO : price.divide(minutes, 6, RoundingMode.HALF_UP);
        LineItem line = new LineItem("twilio-calls-inbound", "Twilio inbound calls (Usage Records, " + CATEGORY + ")",
                minutes, "minutes", unit, Money.cents(price), Optional.empty());
        return new Result(line, calls);
    }

    public record Result(LineItem line, long calls) {
    }

    private static BigDecimal number(String s) {
        if (s == null || s.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
