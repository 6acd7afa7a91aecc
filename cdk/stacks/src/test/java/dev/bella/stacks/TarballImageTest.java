package dev.bella.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** {@code image: {tarball: FILE}}: a locally built image (Jib's jib:buildTar) instead of an ECR repository. */
class TarballImageTest {

    @TempDir
    Path dir;

    @Test
    void theTarballIsCopiedIntoTheAssemblyAsADockerImageAsset() throws IOException {
        Path tarball = Files.write(dir.resolve("jib-image.tar"), new byte[] {1, 2, 3, 4});
        Path out = new StackSynthesizer().synth(spec(tarball.toString()), "local", dir.resolve("assembly"));

        Template service = Template.fromString(Files.readString(out.resolve("shop-local-service.template.json")));
        service.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(
                Match.objectLike(Map.of("Image", Map.of("Fn::Sub", Match.stringLikeRegexp(
                        ".*cdk-hnb659fds-container-assets-.*")))))));
        String assets = Files.readString(out.resolve("shop-local-service.assets.json"));
        assertThat(assets).contains("\"dockerImages\"", "docker load -i");
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("asset.")).toList())
                    .as("the tarball's copy in the assembly").isNotEmpty();
        }
    }

    @Test
    void aMissingTarballIsAnErrorThatSaysHowToBuildIt() {
        assertThatThrownBy(() -> new StackSynthesizer().synth(spec(dir.resolve("none.tar").toString()), "local",
                dir.resolve("assembly"))).isInstanceOf(StackException.class).hasMessage("image.tarball "
                + dir.resolve("none.tar") + " does not exist; build it first (Jib: jib:buildTar writes "
                + "target/jib-image.tar) or use image.repository");
    }

    private static Spec spec(String tarball) {
        SpecLoader loader = new SpecLoader();
        return loader.read(loader.parse(new SpecSource.Bundled("tarball.yaml"), """
                project: shop
                region: ca-central-1
                environments:
                  local:
                    image: {tarball: '%s'}
                """.formatted(tarball)));
    }
}
