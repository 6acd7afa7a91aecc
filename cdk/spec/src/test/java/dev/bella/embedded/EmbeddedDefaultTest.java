package dev.bella.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedDefaultTest {

    @Test
    void theDataDirIsBellaDataDirElseUnderHome() {
        Path home = Path.of("/home/dana");
        assertThat(EmbeddedDefault.dataDir(Map.of(), home)).isEqualTo(Path.of("/home/dana/.bella/booking-db"));
        assertThat(EmbeddedDefault.dataDir(Map.of("BELLA_DATA_DIR", " /srv/bella "), home)).isEqualTo(Path.of("/srv/bella"));
        assertThat(EmbeddedDefault.dataDir(Map.of("BELLA_DATA_DIR", " "), home)).isEqualTo(Path.of("/home/dana/.bella/booking-db"));
        assertThat(EmbeddedDefault.dataDir(Map.of("HOME", "/home/sam"))).isEqualTo(Path.of("/home/sam/.bella/booking-db"));
    }

    @Test
    void withoutHomeTheJvmsUserHome() {
        assertThat(EmbeddedDefault.home(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(EmbeddedDefault.home(Map.of("HOME", ""))).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
