package dev.bella.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.store.BookingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultTest {

    @Test
    void withNoDatabaseUrlTheServiceRunsOnEmbeddedPostgresAndKeepsItsDataAcrossRestarts(@TempDir Path home)
            throws Exception {
        BookingConfig config = BookingConfig.fromEnv(Map.of("BELLA_PORT", "0"), home);
        assertThat(config.embedded()).isTrue();
        Instant start = Instant.parse("2030-01-07T15:00:00Z");
        try (BookingApp app = BookingApp.start(config)) {
            assertThat(app.publicUrl().toString()).isEqualTo("http://localhost:" + app.port());
            assertThat(app.registry().scrape()).contains("hikaricp_connections_pending");
            app.database().inTransaction(c -> new BookingStore().book(c, "Ann", "+15550000001", start,
                    start.plusSeconds(1800), null));
        }
        assertThat(home.resolve(".bella/booking-db/postgresql.conf")).exists();
        try (BookingApp again = BookingApp.start(config)) {
            long count = again.database().inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM appointments")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(count).isEqualTo(1);
        }
    }
}
