package dev.bella.booking.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.booking.store.BookingStore;
import dev.bella.booking.store.BookingStore.Appointment;
import dev.bella.booking.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code GET /api/appointments?date=} and {@code DELETE /api/appointments/{id}}, behind a bearer token. */
public final class AdminApi {

    private final Database db;
    private final BookingStore store = new BookingStore();
    private final Optional<byte[]> token;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper();

    public AdminApi(Database db, Optional<String> token, ZoneId zone) {
        this.db = db;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.zone = zone;
    }

    /** Strictly YYYY-MM-DD: LocalDate.parse alone also takes "+999999999-12-31", whose next day overflows. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Plain digits only ("+1" is not appointment 1), short enough for a bigint. */
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    void routes(RoutesConfig routes) {
        routes.before("/api/*", this::authorise);
        routes.get("/api/appointments", this::list);
        routes.delete("/api/appointments/{id}", this::cancel);
    }

    /** Errors of the admin API as JSON: {"error": "..."}. */
    private void error(Context ctx, int status, String message) throws IOException {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(Map.of("error", message)));
    }

    private void authorise(Context ctx) {
        if (token.isEmpty()) {
            throw new ForbiddenResponse("admin API disabled: set BELLA_ADMIN_TOKEN to enable it");
        }
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // constant-time comparison: response timing must not reveal how much of the token matched
        if (!MessageDigest.isEqual(given, token.get())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("a valid bearer token is required");
        }
    }

    private void list(Context ctx) throws SQLException, IOException {
        String dateText = ctx.queryParam("date");
        LocalDate date;
        try {
            if (dateText != null && !DATE.matcher(dateText).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", dateText, 0);
            }
            date = dateText == null ? LocalDate.now(zone) : LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            error(ctx, 400, "date must be YYYY-MM-DD, got '" + clip(dateText) + "'");
            return;
        }
        List<Appointment> found = db.inTransaction(c -> store.appointments(c,
                date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant()));
        List<Map<String, Object>> out = found.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("name", a.name());
            m.put("phone", a.phone());
            m.put("startsAt", a.startsAt().atZone(zone).toOffsetDateTime().toString());
            m.put("endsAt", a.endsAt().atZone(zone).toOffsetDateTime().toString());
            m.put("status", a.status());
            return m;
        }).toList();
        ctx.contentType("application/json").result(json.writeValueAsString(Map.of("date", date.toString(),
                "appointments", out)));
    }

    private void cancel(Context ctx) throws SQLException, IOException {
        String text = ctx.pathParam("id");
        if (!ID.matcher(text).matches()) {
            error(ctx, 400, "appointment id must be plain digits, got '" + clip(text) + "'");
            return;
        }
        long id = Long.parseLong(text);
        if (!db.inTransaction(c -> store.cancel(c, id))) {
            error(ctx, 404, "no booked appointment " + id);
            return;
        }
        ctx.status(204);
    }

    /** Echoes at most a little of what the client sent. */
    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
