package dev.bella.booking.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The application role on a real PostgreSQL: rows yes, schema and roles no; provisioning twice is harmless. */
class AppRoleTest {

    static EmbeddedDatabase server;

    @BeforeAll
    static void start() throws SQLException {
        server = EmbeddedDatabase.start(null);
        AppRole.migrateAndProvision(server.jdbcUrl(), server.user(), "", "bella_app", "first-secret");
        // a restart (or a second task) provisions again, with a rotated password
        AppRole.migrateAndProvision(server.jdbcUrl(), server.user(), "", "bella_app", "it's-rotated");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Connection asApp() throws SQLException {
        // the embedded URL names its superuser (?user=postgres), which would win over the arguments
        String url = server.jdbcUrl().replaceFirst("\\?.*$", "") + "?user=bella_app";
        Connection c = DriverManager.getConnection(url, "bella_app", "it's-rotated");
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("bella_app");
        }
        return c;
    }

    @Test
    void theApplicationRoleReadsAndWritesRows() throws SQLException {
        try (Connection c = asApp(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (mobile, name) VALUES ('+15145550100', 'Ada')");
            s.execute("UPDATE users SET name = 'Ada L' WHERE mobile = '+15145550100'");
            s.execute("DELETE FROM users WHERE mobile = '+15145550100'");
        }
    }

    @Test
    void theApplicationRoleCannotChangeTheSchemaOrMakeRoles() throws SQLException {
        try (Connection c = asApp(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP TABLE appointments")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> s.execute("ALTER TABLE users ADD COLUMN x int")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE ROLE intruder")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theRoleCanLogInWithAPasswordAndNoPowers() throws SQLException {
        // the embedded server trusts local connections, so the password itself is checked only on RDS; here,
        // that one is set and that the role has no attribute beyond LOGIN
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolpassword IS NOT NULL"
                     + " FROM pg_authid WHERE rolname = 'bella_app'")) {
            assertThat(rs.next()).isTrue();
            assertThat(new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                    rs.getBoolean(5)}).containsExactly(true, false, false, false, true);
        }
    }

    @Test
    void theAdministratorIsNeverTheApplicationRole() {
        assertThatThrownBy(() -> AppRole.migrateAndProvision(server.jdbcUrl(), server.user(), "", server.user(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not run as the administrator");
        assertThatThrownBy(() -> AppRole.migrateAndProvision(server.jdbcUrl(), server.user(), "", "Bella; DROP", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case identifier");
        assertThat(server.user()).isNotEqualTo("bella_app");
    }
}
