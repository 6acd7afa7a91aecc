package dev.bella.booking.http;

import com.twilio.security.RequestValidator;
import dev.bella.booking.store.Database;
import dev.bella.booking.voice.VoiceService;
import dev.bella.booking.voice.VoiceService.Webhook;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.ForbiddenResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP front door: Twilio's voice webhooks (signature-checked), the admin API, /health and
 * /metrics. Javalin 7 on Jetty 12: a small, well-kept server with no framework around it, so a
 * webhook costs a few hundred microseconds of HTTP handling and the container starts in about a second.
 */
public final class BookingServer {

    private static final Logger log = LoggerFactory.getLogger(BookingServer.class);
    private static final String TWIML = "application/xml; charset=utf-8";
    private static final String STARTED = "bella.started";

    private BookingServer() {
    }

    /**
     * @param publicUrl what Twilio signed: the service's public base URL (read per request because a local
     *                  server learns its port only when it binds)
     */
    public static Javalin create(Supplier<URI> publicUrl, String twilioAuthToken, VoiceService voice, AdminApi admin,
                                 Database db, PrometheusMeterRegistry registry) {
        return create(Listen.ANY, publicUrl, twilioAuthToken, voice, admin, db, registry);
    }

    /** Where the server listens: host ("127.0.0.1" for the embedded default) and port (0 picks a free one). */
    public record Listen(String host, int port) {
        static final Listen ANY = new Listen("0.0.0.0", 0);
    }

    public static Javalin create(Listen listen, Supplier<URI> publicUrl, String twilioAuthToken, VoiceService voice,
                                 AdminApi admin, Database db, PrometheusMeterRegistry registry) {
        RequestValidator validator = new RequestValidator(twilioAuthToken);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.http.maxRequestSize = HttpLimits.MAX_BODY_BYTES;
            // a known path asked with a method it does not serve is a 405, not a 404
            config.http.prefer405over404 = true;
            // a request blocked on a slow sender's body parks a virtual thread, not one of a few hundred platform
            // threads, so slow senders cannot starve /health or the webhooks
            config.concurrency.useVirtualThreads = true;
            config.jetty.addConnector((server, http) -> HttpLimits.connector(server, http, listen));
            config.jetty.modifyServer(HttpLimits::limitConnections);
            // unknown methods are refused before Javalin sees them: it registers every method name it meets
            config.jetty.modifyServletContextHandler(h -> HttpLimits.refuseUnknownMethods(h, registry));
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.before("/voice/*", ctx -> {
                checkSignature(ctx, validator, publicUrl.get());
                String sid = ctx.formParam("CallSid");
                if (sid != null) {
                    MDC.put("callSid", sid);
                }
            });
            config.routes.post("/voice/incoming", ctx -> twiml(ctx, voice.incoming(webhook(ctx))));
            config.routes.post("/voice/turn", ctx -> twiml(ctx, voice.turn(webhook(ctx))));
            config.routes.post("/voice/status", ctx -> twiml(ctx, voice.status(webhook(ctx))));
            config.routes.get("/health", ctx -> {
                boolean up = db.healthy();
                ctx.status(up ? 200 : 503).contentType("application/json")
                        .result(up ? "{\"status\":\"ok\",\"database\":\"up\"}" : "{\"status\":\"down\",\"database\":\"down\"}");
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()));
            admin.routes(config.routes);
            config.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                long nanos = started == null ? 0 : System.nanoTime() - started;
                String route = route(ctx.path());
                String method = HttpLimits.methodLabel(ctx.method().name());
                HttpLimits.timer(registry, route, method, ctx.statusCode()).record(nanos, TimeUnit.NANOSECONDS);
                if (!route.equals("/metrics") && !route.equals("/health")) {
                    log.info("{} {} {} {}ms", method, route.equals("unmatched") ? "(unmatched)" : ctx.path(),
                            ctx.statusCode(), String.format("%.2f", nanos / 1e6));
                }
                MDC.clear();
            });
        });
    }

    private static final Set<String> ROUTES = Set.of("/voice/incoming", "/voice/turn",
            "/voice/status", "/health", "/metrics", "/api/appointments");
    private static final Pattern APPOINTMENT = Pattern.compile("/api/appointments/[^/]+");

    /** The route template as a metric tag: bounded cardinality, ids folded into {id}, anything else one label. */
    static String route(String path) {
        if (ROUTES.contains(path)) {
            return path;
        }
        return APPOINTMENT.matcher(path).matches() ? "/api/appointments/{id}" : "unmatched";
    }

    /** Twilio signs the public URL it called (scheme, host, path, query) plus the sorted form fields. */
    private static void checkSignature(Context ctx, RequestValidator validator, URI publicUrl) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        String url = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        String signature = ctx.header("X-Twilio-Signature");
        // no signature, no body read: an unsigned request costs nothing but its headers
        if (signature == null || signature.isBlank()) {
            log.warn("rejected webhook with no signature for {}", url);
            throw new ForbiddenResponse("invalid or missing X-Twilio-Signature");
        }
        if (ctx.contentLength() > HttpLimits.MAX_BODY_BYTES) {
            throw new ContentTooLargeResponse("request body over " + HttpLimits.MAX_BODY_BYTES + " bytes");
        }
        if (!validator.validate(url, singleValues(ctx.formParamMap()), signature)) {
            log.warn("rejected webhook with a wrong signature for {}", url);
            throw new ForbiddenResponse("invalid or missing X-Twilio-Signature");
        }
    }

    private static Map<String, String> singleValues(Map<String, List<String>> form) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    private static void twiml(Context ctx, String body) {
        ctx.contentType(TWIML).result(body);
    }

    private static Webhook webhook(Context ctx) {
        Map<String, String> form = singleValues(ctx.formParamMap());
        String callSid = form.get("CallSid");
        if (callSid == null || callSid.isBlank()) {
            throw new io.javalin.http.BadRequestResponse("CallSid is required");
        }
        Integer duration = null;
        String d = form.get("CallDuration");
        if (d != null && d.matches("\\d{1,7}")) {
            duration = Integer.valueOf(d);
        }
        String action = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return new Webhook(idempotencyKey(action, form), callSid, form.get("From"), form.get("To"),
                form.get("SpeechResult"), form.get("Digits"), form.get("CallStatus"), duration, action);
    }

    /**
     * The webhook's identity is what Twilio signs: the URL path with its query and every form field (CallSid
     * among them), so a Twilio retry, which repeats all of them, finds the answer already given. The
     * I-Twilio-Idempotency-Token header is not signed: anyone can set it, so it never selects a stored answer
     * (a new or missing token cannot make a signed turn run twice; a borrowed one cannot fetch another call's).
     */
    static String idempotencyKey(String action, Map<String, String> form) {
        StringBuilder canonical = new StringBuilder(action);
        new TreeMap<>(form).forEach((k, v) -> canonical.append('\n').append(k).append('=').append(v));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
