package dev.bella.booking.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.booking.store.BookingStore;
import dev.bella.booking.store.BookingStore.Appointment;
import dev.bella.booking.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
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

    void routes(RoutesConfig routes) {
        routes.before("/api/*", this::authorise);
        routes.get("/api/appointments", this::list);
        routes.delete("/api/appointments/{id}", this::cancel);
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

    private void list(Context ctx) throws SQLException, java.io.IOException {
        String dateText = ctx.queryParam("date");
        LocalDate date;
        try {
            date = dateText == null ? LocalDate.now(zone) : LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("date must be YYYY-MM-DD, got '" + dateText + "'");
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

    private void cancel(Context ctx) throws SQLException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("appointment id must be a number");
        }
        if (!db.inTransaction(c -> store.cancel(c, id))) {
            throw new NotFoundResponse("no booked appointment " + id);
        }
        ctx.status(204);
    }
}
