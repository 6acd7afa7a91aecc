package dev.bella.spec;

import java.util.Optional;

/**
 * A container image in ECR: the repository name in the environment's account and region, and a tag.
 * Synth only names it; the image itself is built and pushed by Jib where a registry is reachable.
 * Or, with {@code tarball}, an image tarball built locally (Jib's {@code jib:buildTar}): synth copies it into
 * the cloud assembly and the CDK CLI loads and pushes it to the bootstrap ECR repository at deploy time.
 *
 * @param tarball path of the image tarball, relative to the spec file (to the working directory for the
 *                bundled spec)
 */
public record Image(String repository, String tag, Optional<String> tarball) {

    public Image(String repository, String tag) {
        this(repository, tag, Optional.empty());
    }
}
