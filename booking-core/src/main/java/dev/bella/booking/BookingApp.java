package dev.bella.booking;

import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.extract.Extractor;
import dev.bella.booking.http.AdminApi;
import dev.bella.booking.http.BookingServer;
import dev.bella.booking.store.AppRole;
import dev.bella.booking.store.Database;
import dev.bella.booking.store.EmbeddedDatabase;
import dev.bella.booking.store.LocalSecrets;
import dev.bella.booking.voice.VoiceService;
import dev.bella.embedded.EmbeddedDefault;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: database (embedded by default), migrations, voice flow, HTTP server. One
 * entry point for the jar's main, {@code bella booking serve}, the tests and the load bench.
 */
public final class BookingApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BookingApp.class);

    private final Javalin server;
    private final Database db;
    private final EmbeddedDatabase embedded;
    private final boolean ownsDatabase;
    private final AtomicReference<URI> publicUrl;
    private final PrometheusMeterRegistry registry;
    private final ExtractionSetup extraction;

    private BookingApp(Javalin server, Database db, EmbeddedDatabase embedded, boolean ownsDatabase,
                       AtomicReference<URI> publicUrl, PrometheusMeterRegistry registry, ExtractionSetup extraction) {
        this.extraction = extraction;
        this.server = server;
        this.db = db;
        this.embedded = embedded;
        this.ownsDatabase = ownsDatabase;
        this.publicUrl = publicUrl;
        this.registry = registry;
    }

    /** Starts everything the configuration asks for: embedded PostgreSQL when no BELLA_DB_URL is set. */
    public static BookingApp start(BookingConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(BookingConfig)} on a given clock: the call-cost bench replays calls in modelled time. */
    public static BookingApp start(BookingConfig config, Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EmbeddedDatabase embedded = null;
        ExtractionSetup extraction = null;
        Database db;
        if (config.embedded()) {
            embedded = EmbeddedDatabase.start(config.dataDir());
            if (config.generatedToken() && !config.loopbackOnly()) {
                log.warn("listening on {} with a generated Twilio token: anyone who can reach this host can try"
                        + " requests; set TWILIO_AUTH_TOKEN to the account's token, or keep the default 127.0.0.1",
                        config.host());
            }
            if (config.generatedToken()) {
                // no TWILIO_AUTH_TOKEN: a random one per data dir, never a token anyone could know
                config = config.withTwilioAuthToken(embedded.twilioToken());
                log.info("signing with the generated token in {}", config.dataDir().resolve(EmbeddedDefault.TWILIO_TOKEN_FILE));
            }
            db = Database.connect(embedded.jdbcUrl(), embedded.user(), embedded.password(), config.statementTimeout(), config.poolSize(),
                    registry);
            log.info("embedded PostgreSQL on port {} with data in {}", embedded.port(), config.dataDir());
        } else {
            BookingConfig.Database d = config.database().orElseThrow();
            db = Database.connect(d.url(), d.user(), d.password(), config.statementTimeout(), config.poolSize(),
                    registry);
        }
        try {
            migrate(config, db);
            extraction = ExtractionSetup.from(config, clock, registry);
            return serve(config, db, embedded, true, clock, extraction, registry);
        } catch (RuntimeException e) {
            if (extraction != null) {
                extraction.close();
            }
            db.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * With administrator credentials the migrations run as the administrator and the pool's user is provisioned
     * as the application role (no DDL); without, the pool's own user migrates (the embedded default).
     */
    private static void migrate(BookingConfig config, Database db) {
        var admin = config.database().flatMap(BookingConfig.Database::admin);
        if (admin.isEmpty()) {
            db.migrate();
            return;
        }
        BookingConfig.Database d = config.database().orElseThrow();
        try {
            AppRole.migrateAndProvision(d.url(), admin.get().user(), admin.get().password(),
                    d.user(), d.password());
        } catch (SQLException e) {
            throw new IllegalStateException("provisioning the application role " + d.user() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Serves on a database someone else owns and has migrated (tests share one per class). */
    public static BookingApp serve(BookingConfig config, Database db, Clock clock, Extractor extractor) {
        return serve(config, db, clock, extractor, VoiceService.TURN_BUDGET);
    }

    /** The same, with another extraction budget per turn (tests of the deadline). */
    public static BookingApp serve(BookingConfig config, Database db, Clock clock, Extractor extractor,
                                   Duration extractionBudget) {
        return serve(config, db, null, false, clock, ExtractionSetup.of(extractor),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), extractionBudget);
    }

    private static BookingApp serve(BookingConfig config, Database db, EmbeddedDatabase embedded, boolean owns,
                                    Clock clock, ExtractionSetup extraction, PrometheusMeterRegistry registry) {
        return serve(config, db, embedded, owns, clock, extraction, registry, VoiceService.TURN_BUDGET);
    }

    private static BookingApp serve(BookingConfig config, Database db, EmbeddedDatabase embedded, boolean owns,
                                    Clock clock, ExtractionSetup extraction, PrometheusMeterRegistry registry,
                                    Duration extractionBudget) {
        if (config.generatedToken()) {
            throw new IllegalArgumentException("no Twilio token: set TWILIO_AUTH_TOKEN (the embedded default generates one)");
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        VoiceService voice = new VoiceService(config, db, extraction.extractor(), clock, registry, extractionBudget);
        AdminApi admin = new AdminApi(db, config.adminToken(), config.zone());
        AtomicReference<URI> publicUrl = new AtomicReference<>(config.publicUrl());
        Javalin server = BookingServer.create(new BookingServer.Listen(config.host(), config.port()), publicUrl::get,
                config.twilioAuthToken(), voice, admin, db, registry);
        server.start();
        if (config.publicUrlIsLocalDefault()) {
            publicUrl.set(URI.create("http://localhost:" + server.port()));
        }
        log.info("booking service listening on port {}, public URL {}", server.port(), publicUrl.get());
        return new BookingApp(server, db, embedded, owns, publicUrl, registry, extraction);
    }

    public int port() {
        return server.port();
    }

    public URI publicUrl() {
        return publicUrl.get();
    }

    /**
     * Where the embedded default's ledger is, for `bella cost report --ledger-url`: the JDBC URL (valid while this
     * service runs), the user and the file holding its password; empty with a configured database.
     */
    public Optional<String> embeddedLedger() {
        return Optional.ofNullable(embedded).map(e -> e.jdbcUrl() + " (user " + e.user() + ", password in "
                + e.passwordFile() + ")");
    }

    public Database database() {
        return db;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        server.stop();
        extraction.close();
        if (ownsDatabase) {
            db.close();
            if (embedded != null) {
                embedded.close();
            }
        }
        registry.close();
    }
}
