package dev.bella.booking.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a call the way Twilio would: the incoming webhook, then one turn per utterance posted to the
 * action the previous TwiML named, each request signed like Twilio signs it, then the status callback.
 * For {@code bella booking call}, smoke tests and the load bench. An utterance {@code dtmf:1} presses a
 * key; an empty one is silence (Twilio follows the Redirect with no SpeechResult).
 */
public final class ScriptedCall {

    public record Exchange(String path, Map<String, String> sent, int status, String body) {
    }

    private static final Pattern GATHER_ACTION = Pattern.compile("<Gather[^>]*\\baction=\"([^\"]+)\"");
    private static final Pattern REDIRECT = Pattern.compile("<Redirect[^>]*>([^<]+)</Redirect>");

    private final HttpClient http;
    private final URI base;
    private final TwilioSigner signer;

    /** @param base the URL Twilio would call, which is also what the signatures cover */
    public ScriptedCall(HttpClient http, URI base, String authToken) {
        this.http = http;
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.signer = new TwilioSigner(authToken);
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The fields Twilio sends with every voice webhook of a call. */
    public static Map<String, String> callFields(String callSid, String from, String to) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("AccountSid", "AC00000000000000000000000000000000");
        f.put("ApiVersion", "2010-04-01");
        f.put("CallSid", callSid);
        f.put("CallStatus", "in-progress");
        f.put("Direction", "inbound");
        f.put("From", from);
        f.put("To", to);
        return f;
    }

    /** Plays the whole script; {@code each} sees every exchange as it happens. Stops at a hang-up. */
    public List<Exchange> play(String callSid, String from, String to, List<String> utterances,
                               Consumer<Exchange> each) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Exchange> out = new ArrayList<>();
        Exchange last = post("/voice/incoming", callFields(callSid, from, to));
        out.add(last);
        each.accept(last);
        for (String said : utterances) {
            Optional<String> next = nextAction(last.body());
            if (last.status() != 200 || next.isEmpty()) {
                break;
            }
            Map<String, String> fields = callFields(callSid, from, to);
            if (said.startsWith("dtmf:")) {
                fields.put("Digits", said.substring(5));
            } else if (!said.isBlank()) {
                fields.put("SpeechResult", said);
                fields.put("Confidence", "0.92");
            }
            last = post(next.get(), fields);
            out.add(last);
            each.accept(last);
        }
        Map<String, String> status = callFields(callSid, from, to);
        status.put("CallStatus", "completed");
        status.put("CallDuration", String.valueOf(Math.max(1, (System.nanoTime() - started) / 1_000_000_000L)));
        Exchange end = post("/voice/status", status);
        out.add(end);
        each.accept(end);
        return out;
    }

    /** Posts one signed webhook to {@code pathAndQuery} (relative to the base URL). */
    public Exchange post(String pathAndQuery, Map<String, String> fields) throws IOException, InterruptedException {
        return post(pathAndQuery, fields, Map.of());
    }

    public Exchange post(String pathAndQuery, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        String url = base + pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signer.sign(url, fields))
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Exchange(pathAndQuery, fields, response.statusCode(), response.body());
    }

    public static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    /** Where Twilio would post next: the Gather's action, else a Redirect; empty after a Hangup. */
    public static Optional<String> nextAction(String twiml) {
        if (twiml == null || twiml.contains("<Hangup")) {
            return Optional.empty();
        }
        Matcher m = GATHER_ACTION.matcher(twiml);
        if (m.find()) {
            return Optional.of(m.group(1).replace("&amp;", "&"));
        }
        Matcher r = REDIRECT.matcher(twiml);
        return r.find() ? Optional.of(r.group(1).trim().replace("&amp;", "&")) : Optional.empty();
    }
}
