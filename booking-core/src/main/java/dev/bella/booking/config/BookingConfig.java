package dev.bella.booking.config;

import dev.bella.booking.extract.LlmExtractor;
import dev.bella.embedded.EmbeddedDefault;
import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import dev.bella.prices.VoicePriceModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's whole configuration, read once from environment variables and validated before
 * anything starts: a wrong value stops the service with every problem listed, instead of a
 * confusing failure on the first call.
 *
 * <p>With no {@code BELLA_DB_URL} the service runs on the embedded default (embedded PostgreSQL
 * under {@code dataDir}); there the Twilio token and public URL fall back to local development values
 * so {@code bella booking serve} works with no setup. With a database URL (production), both are required.
 */
public record BookingConfig(
        Optional<Database> database,
        Path dataDir,
        String host,
        int port,
        URI publicUrl,
        String twilioAuthToken,
        Optional<String> adminToken,
        Optional<URI> redisUrl,
        Optional<String> openAiApiKey,
        Optional<URI> openAiBaseUrl,
        ZoneId zone,
        BusinessHours hours,
        Duration slotLength,
        Duration statementTimeout,
        int poolSize,
        VoicePriceModel prices,
        CallFlow flow) {

    /** A fixed token for tests and benches that pass it as TWILIO_AUTH_TOKEN; never a default. */
    public static final String LOCAL_DEV_TWILIO_TOKEN = "bella-local-dev-token";
    /** The embedded default without TWILIO_AUTH_TOKEN: the data dir's generated token, set at start. */
    private static final String GENERATED = "";
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * @param admin the administrator's credentials ({@code BELLA_DB_ADMIN_USER}, {@code BELLA_DB_ADMIN_PASSWORD}):
     *              when given, migrations run as the administrator and {@code user} is provisioned as the
     *              application role (store.AppRole); the queries always run as {@code user}
     */
    public record Database(String url, String user, String password, Optional<Admin> admin) {

        public Database(String url, String user, String password) {
            this(url, user, password, Optional.empty());
        }

        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", password=***"
                    + admin.map(a -> ", admin=" + a.user()).orElse("") + "]";
        }
    }

    public record Admin(String user, String password) {
        @Override
        public String toString() {
            return "Admin[user=" + user + ", password=***]";
        }
    }

    /** Variables an older release read; prices now come from the price table only, so setting one is an error. */
    private static final List<String> RETIRED_PRICE_VARIABLES = List.of("BELLA_TWILIO_USD_PER_MINUTE",
            "BELLA_LLM_USD_PER_MILLION_IN", "BELLA_LLM_USD_PER_MILLION_OUT");
    /** The model the ledger prices OpenAI tokens at: the one the LLM tier calls. */
    static final String LLM_MODEL = "gpt-4o-mini";

    public boolean embedded() {
        return database.isEmpty();
    }

    /**
     * True while the public URL is the local default: then it follows the port the server actually bound
     * (port 0 picks a free one), because locally the signer and the server agree on localhost.
     */
    public boolean publicUrlIsLocalDefault() {
        return publicUrl.equals(URI.create("http://localhost:" + port));
    }

    public BookingConfig withPort(int newPort) {
        URI url = publicUrlIsLocalDefault() ? URI.create("http://localhost:" + newPort) : publicUrl;
        return new BookingConfig(database, dataDir, host, newPort, url, twilioAuthToken, adminToken, redisUrl,
                openAiApiKey, openAiBaseUrl, zone, hours, slotLength, statementTimeout, poolSize, prices, flow);
    }

    /** True when no TWILIO_AUTH_TOKEN was given: the embedded default generates one per data dir. */
    public boolean generatedToken() {
        return twilioAuthToken.isEmpty();
    }

    public BookingConfig withTwilioAuthToken(String token) {
        return new BookingConfig(database, dataDir, host, port, publicUrl, token, adminToken, redisUrl,
                openAiApiKey, openAiBaseUrl, zone, hours, slotLength, statementTimeout, poolSize, prices, flow);
    }

    public BookingConfig withHost(String newHost) {
        return new BookingConfig(database, dataDir, newHost, port, publicUrl, twilioAuthToken, adminToken, redisUrl,
                openAiApiKey, openAiBaseUrl, zone, hours, slotLength, statementTimeout, poolSize, prices, flow);
    }

    /** True when the server listens on the loopback interface only. */
    public boolean loopbackOnly() {
        return host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    public BookingConfig withDataDir(Path dir) {
        return new BookingConfig(database, dir, host, port, publicUrl, twilioAuthToken, adminToken, redisUrl,
                openAiApiKey, openAiBaseUrl, zone, hours, slotLength, statementTimeout, poolSize, prices, flow);
    }

    public BookingConfig withFlow(CallFlow newFlow) {
        return new BookingConfig(database, dataDir, host, port, publicUrl, twilioAuthToken, adminToken, redisUrl,
                openAiApiKey, openAiBaseUrl, zone, hours, slotLength, statementTimeout, poolSize, prices, newFlow);
    }

    @Override
    public String toString() {
        return "BookingConfig[database=" + database + ", dataDir=" + dataDir + ", host=" + host + ", port=" + port + ", publicUrl="
                + publicUrl + ", zone=" + zone + ", hours=" + hours.spoken() + ", slotLength=" + slotLength
                + ", statementTimeout=" + statementTimeout + ", poolSize=" + poolSize + ", prices=" + prices.table().name()
                + ", flow=" + flow + ", secrets=***]";
    }

    /** Redis AUTH from its own (secret) variable, so the URL itself never carries a token. */
    private static URI withPassword(URI redis, Optional<String> password) {
        if (password.isEmpty() || redis.getUserInfo() != null) {
            return redis;
        }
        try {
            return new URI(redis.getScheme(), ":" + password.get(), redis.getHost(), redis.getPort(), redis.getPath(),
                    redis.getQuery(), redis.getFragment());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("BELLA_REDIS_URL with BELLA_REDIS_PASSWORD: " + e.getMessage(), e);
        }
    }

    public static BookingConfig fromEnv(Map<String, String> env, Path home) {
        Reader r = new Reader(env);
        Optional<String> dbUrl = r.optional("BELLA_DB_URL");
        if (dbUrl.isPresent() && !dbUrl.get().startsWith("jdbc:postgresql://")) {
            r.problem("BELLA_DB_URL must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/bella, got '"
                    + dbUrl.get() + "'");
        }
        Optional<Admin> dbAdmin = r.optional("BELLA_DB_ADMIN_USER")
                .map(u -> new Admin(u, r.optional("BELLA_DB_ADMIN_PASSWORD").orElse("")));
        Optional<Database> database = dbUrl.map(url -> new Database(url,
                r.required("BELLA_DB_USER", "the database user"), r.optional("BELLA_DB_PASSWORD").orElse(""), dbAdmin));
        Path dataDir = EmbeddedDefault.dataDir(env, home);
        int port = r.integer("BELLA_PORT", 8080, 0, 65535);
        // the embedded default is a developer's machine: loopback only unless asked; a configured service in its
        // container must be reachable by the load balancer
        String host = r.optional("BELLA_HOST").orElse(database.isPresent() ? "0.0.0.0" : LOOPBACK);
        String token = database.isPresent()
                ? r.required("TWILIO_AUTH_TOKEN", "the Twilio auth token that signs webhooks")
                : r.optional("TWILIO_AUTH_TOKEN").orElse(GENERATED);
        URI publicUrl = r.optional("BELLA_PUBLIC_URL").map(v -> r.url("BELLA_PUBLIC_URL", v, "http", "https"))
                .orElseGet(() -> {
                    if (database.isPresent()) {
                        r.problem("BELLA_PUBLIC_URL is required with BELLA_DB_URL: the https URL Twilio posts to"
                                + " (signatures are computed over it), e.g. https://bella.example.com");
                    }
                    return URI.create("http://localhost:" + port);
                });
        Optional<URI> redis = r.optional("BELLA_REDIS_URL").map(v -> r.url("BELLA_REDIS_URL", v, "redis", "rediss"))
                .map(u -> withPassword(u, r.optional("BELLA_REDIS_PASSWORD")));
        ZoneId zone = ZoneId.of("America/Toronto");
        String zoneText = r.optional("BELLA_TIMEZONE").orElse("America/Toronto");
        try {
            zone = ZoneId.of(zoneText);
        } catch (java.time.DateTimeException e) {
            r.problem("BELLA_TIMEZONE must be a zone id like America/Toronto, got '" + zoneText + "'");
        }
        BusinessHours hours = BusinessHours.parse("mon-fri 09:00-17:00");
        String hoursText = r.optional("BELLA_BUSINESS_HOURS").orElse("mon-fri 09:00-17:00");
        try {
            hours = BusinessHours.parse(hoursText);
        } catch (IllegalArgumentException e) {
            r.problem("BELLA_BUSINESS_HOURS: " + e.getMessage());
        }
        int slotMinutes = r.integer("BELLA_SLOT_MINUTES", 30, 5, 480);
        int timeoutMs = r.integer("BELLA_DB_STATEMENT_TIMEOUT_MS", 2000, 50, 10_000);
        int poolSize = r.integer("BELLA_DB_POOL_SIZE", 4, 1, 100);
        for (String retired : RETIRED_PRICE_VARIABLES) {
            r.optional(retired).ifPresent(v -> r.problem(retired + " is no longer read: the ledger prices calls from"
                    + " the price table (BELLA_PRICE_TABLE, or the bundled table of BELLA_PRICE_REGION); unset it"));
        }
        VoicePriceModel prices = prices(r);
        CallFlow flow = CallFlow.read(r::optional, r::problem);
        Optional<String> admin = r.optional("BELLA_ADMIN_TOKEN");
        if (admin.isPresent() && admin.get().length() < 16) {
            r.problem("BELLA_ADMIN_TOKEN must be at least 16 characters (a random secret), got "
                    + admin.get().length());
        }
        Optional<URI> openAiBase = r.optional("OPENAI_BASE_URL").flatMap(v -> {
            try {
                return Optional.of(LlmExtractor.baseUrl(v));
            } catch (IllegalArgumentException e) {
                r.problem(e.getMessage());
                return Optional.empty();
            }
        });
        r.failIfAny();
        return new BookingConfig(database, dataDir, host, port, publicUrl, token, admin, redis,
                r.optional("OPENAI_API_KEY"), openAiBase, zone, hours, Duration.ofMinutes(slotMinutes),
                Duration.ofMillis(timeoutMs), poolSize, prices, flow);
    }

    /**
     * The voice price model over the price table: a file named by BELLA_PRICE_TABLE, else the table bundled for
     * BELLA_PRICE_REGION (the deployment's region; the Twilio and OpenAI entries are the same in every table).
     */
    private static VoicePriceModel prices(Reader r) {
        PriceTableLoader loader = new PriceTableLoader();
        Optional<String> file = r.optional("BELLA_PRICE_TABLE");
        String region = r.optional("BELLA_PRICE_REGION").orElse("ca-central-1");
        try {
            PriceTable table = file.isPresent() ? loader.load(Path.of(file.get())) : loader.bundled(region)
                    .orElseThrow(() -> new IllegalArgumentException("BELLA_PRICE_REGION: no bundled price table for '"
                            + region + "' (bundled: ca-central-1, us-east-1); or set BELLA_PRICE_TABLE to a file"));
            return VoicePriceModel.of(table, LLM_MODEL);
        } catch (RuntimeException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            r.problem((file.isPresent() ? "BELLA_PRICE_TABLE " + file.get() : "price table") + ": " + first);
            return null;
        }
    }

    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        Optional<String> optional(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        }

        String required(String name, String what) {
            return optional(name).orElseGet(() -> {
                problem(name + " is required: " + what);
                return "";
            });
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> v = optional(name);
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.get());
                if (n < min || n > max) {
                    problem(name + " must be between " + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                problem(name + " must be a whole number, got '" + v.get() + "'");
                return fallback;
            }
        }

        URI url(String name, String value, String... schemes) {
            try {
                URI u = new URI(value);
                if (u.getScheme() == null || !List.of(schemes).contains(u.getScheme()) || u.getHost() == null) {
                    problem(name + " must be a URL with scheme " + String.join(" or ", schemes) + ", got '" + value + "'");
                }
                return u;
            } catch (java.net.URISyntaxException e) {
                problem(name + " is not a valid URL: '" + value + "'");
                return URI.create("http://invalid");
            }
        }

        void problem(String text) {
            problems.add(text);
        }

        void failIfAny() {
            if (!problems.isEmpty()) {
                throw new BookingConfigException(problems);
            }
        }
    }
}
