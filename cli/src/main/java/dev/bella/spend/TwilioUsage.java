package dev.bella.spend;

import com.twilio.exception.ApiConnectionException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Twilio's charges for the period that this service causes, from the Usage Records API through the official SDK,
 * one line per usage category (Twilio's names): inbound call minutes, speech recognition (billed apart from the
 * minutes, per recognition) and phone numbers. Credentials come from the environment ({@link TwilioCredentials}),
 * never from YAML.
 */
public final class TwilioUsage {

    /** The usage categories read, in the report's order: what they are called in Twilio's Usage Records API. */
    enum Category {
        INBOUND_MINUTES("calls-inbound", "twilio-calls-inbound", "Twilio inbound call minutes", "minutes"),
        SPEECH_RECOGNITION("speech-recognition", "twilio-speech-recognition", "Twilio speech recognition", "recognitions"),
        PHONE_NUMBERS("phonenumbers", "twilio-phonenumbers", "Twilio phone numbers", "numbers");

        final String twilioName;
        final String lineId;
        final String label;
        final String unit;

        Category(String twilioName, String lineId, String label, String unit) {
            this.twilioName = twilioName;
            this.lineId = lineId;
            this.label = label;
            this.unit = unit;
        }
    }

    private static final int CONNECT_SECONDS = 5;
    private static final int RESPONSE_SECONDS = 30;

    private final TwilioRestClient client;
    private final String where;

    private TwilioUsage(TwilioRestClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /**
     * A reader for the account; {@code apiBase} sends the SDK's requests to another place (a proxy, a test server),
     * its path included: the SDK builds api.twilio.com URLs itself, so connections are routed to the base's host and
     * each request's path is put under the base's path.
     */
    public static TwilioUsage of(TwilioCredentials credentials, Optional<URI> apiBase) {
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(credentials.username(), credentials.password())
                .accountSid(credentials.accountSid());
        HttpClientBuilder http = HttpClientBuilder.create().useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
                                .setSocketTimeout(RESPONSE_SECONDS, TimeUnit.SECONDS).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(RESPONSE_SECONDS, TimeUnit.SECONDS).build());
        apiBase.ifPresent(base -> {
            HttpHost host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
            String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            http.setRoutePlanner((target, context) -> new HttpRoute(host))
                    .addRequestInterceptorFirst((request, entity, context) -> {
                        request.setAuthority(new URIAuthority(host.getHostName(), host.getPort()));
                        request.setScheme(host.getSchemeName());
                        String path = request.getPath();
                        if (!prefix.isEmpty() && !path.startsWith(prefix + "/")) {
                            request.setPath(prefix + path);
                        }
                    });
        });
        builder.httpClient(new NetworkHttpClient(http));
        return new TwilioUsage(builder.build(), apiBase.map(URI::toString).orElse("api.twilio.com"));
    }

    /** One line per category Twilio reported for the period (price and usage summed over its records), and the call count. */
    public Result fetch(SpendPeriod period) {
        List<LineItem> lines = new ArrayList<>();
        long calls = 0;
        for (Category category : Category.values()) {
            Sum sum = sum(category, period);
            if (sum.records == 0) {
                continue;
            }
            if (category == Category.INBOUND_MINUTES) {
                calls = sum.count.longValue();
            }
            BigDecimal unit = sum.usage.signum() == 0 ? BigDecimal.ZERO : sum.price.divide(sum.usage, 6, RoundingMode.HALF_UP);
            lines.add(new LineItem(category.lineId, category.label + " (Usage Records, " + category.twilioName + ")",
                    sum.usage, category.unit, unit, Money.cents(sum.price), Optional.empty()));
        }
        return new Result(List.copyOf(lines), calls);
    }

    /** Twilio's lines for the period (one per category it reported) and its inbound call count. */
    public record Result(List<LineItem> lines, long calls) {
    }

    private static final class Sum {
        BigDecimal price = BigDecimal.ZERO;
        BigDecimal usage = BigDecimal.ZERO;
        BigDecimal count = BigDecimal.ZERO;
        int records;
    }

    private Sum sum(Category category, SpendPeriod period) {
        Sum sum = new Sum();
        try {
            // Twilio's EndDate is inclusive; the period's end is exclusive
            for (Record r : Record.reader().setCategory(category.twilioName).setStartDate(period.start())
                    .setEndDate(period.endExclusive().minusDays(1)).read(client)) {
                // a record of another category (a proxy or a stand-in that ignores the filter) is not this one's
                if (r.getCategory() != null && !r.getCategory().equals(category.twilioName)) {
                    continue;
                }
                if (r.getPriceUnit() != null && !r.getPriceUnit().getCurrencyCode().equals("USD")) {
                    throw new SpendException("Twilio bills this account in " + r.getPriceUnit().getCurrencyCode()
                            + "; the report is in USD");
                }
                sum.price = sum.price.add(r.getPrice() == null ? BigDecimal.ZERO : r.getPrice());
                sum.usage = sum.usage.add(number(r.getUsage()));
                sum.count = sum.count.add(number(r.getCount()));
                sum.records++;
            }
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status == null) {
                // the SDK words an I/O failure as an ApiException without a status: there was no reply at all
                throw unreachable(e);
            }
            if (status == 429) {
                throw new ProviderBusyException("Twilio rate-limited the usage records (429 Too Many Requests): run the "
                        + "report again in a minute", e);
            }
            throw new ProviderException("Twilio error " + status + ": " + e.getMessage()
                    + (Integer.valueOf(401).equals(status) ? "; check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or "
                    + "TWILIO_API_KEY and TWILIO_API_SECRET)" : ""), e);
        } catch (ApiConnectionException e) {
            throw unreachable(e);
        } catch (TwilioException e) {
            throw new ProviderException("Twilio usage records for " + category.twilioName + " unreadable: " + rootCause(e), e);
        }
        return sum;
    }

    private ProviderException unreachable(TwilioException e) {
        return new ProviderException("Twilio unreachable at " + where + ": " + rootCause(e) + "; check the network"
                + (where.equals("api.twilio.com") ? "" : " and --twilio-api-url"), e);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
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
