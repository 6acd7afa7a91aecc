package dev.bella.booking.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * The service's own database role: migrations run as the administrator (the RDS master user), then the
 * application role is created or its password reset, and granted exactly what the queries need: reading and
 * writing rows of the schema's tables and using their sequences. It owns nothing, so it cannot drop or alter a
 * table, create roles or touch another database. Safe to run from every instance at once (an advisory lock).
 */
public final class AppRole {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Any constant will do: it serializes concurrent starts of the service, nothing else takes it. */
    private static final long LOCK = 0x62656c6c61L;

    private AppRole() {
    }

    /**
     * Migrates {@code url} as {@code admin} and provisions {@code appUser} with {@code appPassword}.
     *
     * @throws IllegalArgumentException when the role name is not a plain lower-case identifier
     */
    public static void migrateAndProvision(String url, String admin, String adminPassword, String appUser,
                                           String appPassword) throws SQLException {
        if (!NAME.matcher(appUser).matches()) {
            throw new IllegalArgumentException("BELLA_DB_USER must be a lower-case identifier (letters, digits, _)"
                    + " when BELLA_DB_ADMIN_USER provisions it, got '" + appUser + "'");
        }
        if (appUser.equals(admin)) {
            throw new IllegalArgumentException("BELLA_DB_USER and BELLA_DB_ADMIN_USER are the same role ('" + admin
                    + "'): the service's queries must not run as the administrator");
        }
        Flyway.configure().dataSource(url, admin, adminPassword).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, admin, adminPassword)) {
            c.setAutoCommit(false);
            try {
                exec(c, "SELECT pg_advisory_xact_lock(" + LOCK + ")");
                boolean exists;
                try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                    q.setString(1, appUser);
                    try (ResultSet rs = q.executeQuery()) {
                        exists = rs.next();
                    }
                }
                // the server quotes the name and the password (format %I, %L): nothing is spliced by hand
                execFormatted(c, exists ? "ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L"
                        : "CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L", appUser, appPassword);
                for (String grant : List.of(
                        "GRANT CONNECT ON DATABASE %I TO %I",
                        "GRANT USAGE ON SCHEMA public TO %I",
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I",
                        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I",
                        // tables a later migration creates are the administrator's too: grant them as they come
                        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I",
                        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I")) {
                    if (grant.contains("DATABASE")) {
                        execFormatted(c, grant, c.getCatalog(), appUser);
                    } else {
                        execFormatted(c, grant, appUser);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void execFormatted(Connection c, String template, String... args) throws SQLException {
        StringBuilder call = new StringBuilder("SELECT format(?");
        for (int i = 0; i < args.length; i++) {
            call.append(", ?");
        }
        String sql;
        try (PreparedStatement f = c.prepareStatement(call.append(')').toString())) {
            f.setString(1, template);
            for (int i = 0; i < args.length; i++) {
                f.setString(i + 2, args[i]);
            }
            try (ResultSet rs = f.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
        }
        exec(c, sql);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
