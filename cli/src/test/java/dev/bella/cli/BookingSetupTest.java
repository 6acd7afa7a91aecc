package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingSetupTest {

    @Test
    void theEmbeddedDefaultKeepsItsDataUnderTheUsersHome(@TempDir Path home) {
        // the JVM's user.home is the system user's (from /etc/passwd), not the $HOME the shell has
        assertThat(BookingSetup.config(Map.of("HOME", home.toString())).dataDir())
                .isEqualTo(home.resolve(".bella").resolve("booking-db"));
    }

    @Test
    void aBadConfigurationIsAUsageErrorWithEveryProblem(@TempDir Path home) {
        assertThatThrownBy(() -> BookingSetup.config(Map.of("HOME", home.toString(), "BELLA_DB_URL", "jdbc:postgresql://db/x")))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.exitCode).isEqualTo(ExitCode.USAGE);
                    assertThat(e.lines()).hasSizeGreaterThan(1);
                });
    }
}
