package dev.bella.booking.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Every size has a limit and every wait a deadline: what one HTTP client may cost the server. The figures are
 * documented in docs/booking-service.md ("Threat model and limits"); Twilio's webhooks are a few hundred bytes
 * sent at once, so none of them is near a real caller's request.
 */
final class HttpLimits {

    /** Largest request body (form fields of a webhook, about 1 KB from Twilio). */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Request line and headers together. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** A connection that sends or accepts nothing for this long is closed (keep-alive included). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
    /** A body arriving slower than this (bytes per second, averaged over the request) is cut off with 408. */
    static final long MIN_BODY_RATE = 64;
    /** Open connections at most; past it the idle timeout drops to {@link #IDLE_TIMEOUT_WHEN_FULL}. */
    static final int MAX_CONNECTIONS = 2_000;
    static final Duration IDLE_TIMEOUT_WHEN_FULL = Duration.ofSeconds(1);
    /** The methods the service answers; anything else is one metric label and a 405. */
    static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private HttpLimits() {
    }

    static Connector connector(Server server, HttpConfiguration http, BookingServer.Listen listen) {
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        http.setMinRequestDataRate(MIN_BODY_RATE);
        http.setSendServerVersion(false);
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
        c.setHost(listen.host());
        c.setPort(listen.port());
        c.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return c;
    }

    static void limitConnections(Server server) {
        ConnectionLimit limit = new ConnectionLimit(MAX_CONNECTIONS, server);
        limit.setIdleTimeout(IDLE_TIMEOUT_WHEN_FULL.toMillis());
        server.addBean(limit);
    }

    static String methodLabel(String method) {
        return KNOWN_METHODS.contains(method) ? method : "other";
    }

    static Timer timer(MeterRegistry registry, String route, String method, int status) {
        return Timer.builder("bella.http.requests").tag("route", route).tag("method", method)
                .tag("status", String.valueOf(status)).publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofSeconds(3))
                .register(registry);
    }

    /** A servlet filter ahead of Javalin: 405 for a method outside {@link #KNOWN_METHODS}, counted as "other". */
    static void refuseUnknownMethods(ServletContextHandler handler, MeterRegistry registry) {
        Filter filter = (request, response, chain) -> {
            HttpServletRequest req = (HttpServletRequest) request;
            if (KNOWN_METHODS.contains(req.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            long started = System.nanoTime();
            HttpServletResponse res = (HttpServletResponse) response;
            res.setStatus(405);
            res.setHeader("Allow", "GET, POST, DELETE");
            res.setContentType("text/plain; charset=utf-8");
            res.getWriter().write("Method Not Allowed");
            timer(registry, BookingServer.route(req.getRequestURI()), "other", 405)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        };
        handler.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
}
