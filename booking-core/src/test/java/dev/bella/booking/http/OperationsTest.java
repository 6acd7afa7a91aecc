package dev.bella.booking.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.voice.Harness;
import dev.bella.booking.voice.HarnessTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Health, metrics, compression and the admin API, as an operator or a load balancer sees them. */
class OperationsTest extends HarnessTest {

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(h.app.publicUrl() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(h.app.publicUrl() + path)).DELETE();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthChecksTheDatabase() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"up\"}");
    }

    @Test
    void metricsInPrometheusFormatWithLatencyHistogramsAndCallCounters() throws Exception {
        Harness.Call call = h.call("CA7000");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        call.say("yes");
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("bella_http_requests_seconds_bucket{method=\"POST\",route=\"/voice/turn\",status=\"200\",le=",
                "bella_calls_total", "bella_bookings_total", "jvm_memory_used_bytes");
        assertThat(metrics).containsPattern("bella_bookings_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void largeResponsesAreGzipped() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(h.app.publicUrl() + "/metrics"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE");
    }

    @Test
    void theAdminApiNeedsTheBearerToken() throws Exception {
        assertThat(get("/api/appointments?date=2030-01-03").statusCode()).isEqualTo(401);
        assertThat(get("/api/appointments?date=2030-01-03", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(delete("/api/appointments/1").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminApiListsAndCancelsAppointments() throws Exception {
        Harness.Call call = h.call("CA7001");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        call.say("yes");
        String auth = "Bearer " + Harness.ADMIN_TOKEN;
        HttpResponse<String> list = get("/api/appointments?date=2030-01-03", "Authorization", auth);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"Jane Doe\"", "\"phone\":\"+15551234567\"",
                "\"startsAt\":\"2030-01-03T15:00-05:00\"", "\"status\":\"booked\"");
        assertThat(get("/api/appointments?date=2030-01-04", "Authorization", auth).body()).contains("\"appointments\":[]");
        assertThat(get("/api/appointments?date=tomorrow", "Authorization", auth).statusCode()).isEqualTo(400);

        assertThat(delete("/api/appointments/1", "Authorization", auth).statusCode()).isEqualTo(204);
        assertThat(delete("/api/appointments/1", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(delete("/api/appointments/abc", "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(get("/api/appointments?date=2030-01-03", "Authorization", auth).body()).contains("\"status\":\"cancelled\"");
    }

    @Test
    void theAdminApiValidatesStrictlyWithJsonErrors() throws Exception {
        Harness.Call call = h.call("CA7002");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        call.say("yes");
        String auth = "Bearer " + Harness.ADMIN_TOKEN;
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "99999-01-01", "2030-1-3",
                "2030-02-30", "2030-01-03T00:00", " 2030-01-03"}) {
            HttpResponse<String> r = get("/api/appointments?date=" + java.net.URLEncoder.encode(date,
                    StandardCharsets.UTF_8), "Authorization", auth);
            assertThat(r.statusCode()).as(date).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(date).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            assertThat(r.body()).as(date).startsWith("{\"error\":\"date must be");
        }
        for (String id : new String[] {"+1", "-1", "1.0", "01x", "99999999999999999999", "%201", "0x1"}) {
            HttpResponse<String> r = delete("/api/appointments/" + id, "Authorization", auth);
            assertThat(r.statusCode()).as(id).isEqualTo(400);
            assertThat(r.body()).as(id).startsWith("{\"error\":");
        }
        assertThat(get("/api/appointments?date=2030-01-03", "Authorization", auth).body())
                .as("nothing was cancelled").contains("\"status\":\"booked\"");
        HttpResponse<String> missing = delete("/api/appointments/424242", "Authorization", auth);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"error\":");
    }

    @Test
    void aWebhookWithoutCallSidIsABadRequest() throws Exception {
        var r = h.twilio.post("/voice/incoming", java.util.Map.of("From", "+15551234567"));
        assertThat(r.status()).isEqualTo(400);
    }
}
