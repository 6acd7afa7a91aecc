package dev.bella.stacks;

import dev.bella.spec.Image;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecSource;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/** The spec's {@link Image} as an ECS container image: an ECR repository and tag, or a local image tarball. */
final class ContainerImages {

    private ContainerImages() {
    }

    static ContainerImage of(Construct scope, String id, Image image, Path baseDir) {
        if (image.tarball().isPresent()) {
            Path tarball = baseDir.resolve(image.tarball().get()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(tarball)) {
                // the CDK would fail later with a bare ENOENT from node; say what the file is and how to make it
                throw new StackException("image.tarball " + tarball + " does not exist; build it first (Jib: "
                        + "jib:buildTar writes target/jib-image.tar) or use image.repository");
            }
            return ContainerImage.fromTarball(tarball.toString());
        }
        // a digest (sha256:...) is referenced as repository@digest: no push can move it
        return ContainerImage.fromEcrRepository(Repository.fromRepositoryName(scope, id, image.repository()),
                image.digest().orElse(image.tag()));
    }

    /** Where a relative tarball path starts: the spec file's folder, or the working directory for the bundled spec. */
    static Path baseDir(Spec spec) {
        return spec.source() instanceof SpecSource.File f ? f.path().toAbsolutePath().getParent()
                : Path.of("").toAbsolutePath();
    }
}
