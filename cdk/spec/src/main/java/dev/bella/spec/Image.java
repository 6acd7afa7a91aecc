package dev.bella.spec;

import java.util.Optional;

/**
 * A container image in ECR: the repository name in the environment's account and region, and a tag.
 * Synth only names it; the image itself is built and pushed by Jib where a registry is reachable.
 * Or, with {@code tarball}, an image tarball built locally (Jib's {@code jib:buildTar}): synth copies it into
 * the cloud assembly and the CDK CLI loads and pushes it to the bootstrap ECR repository at deploy time.
 *
 * Or, with {@code digest}, the repository's image by its content digest ({@code sha256:...}), which no push
 * can move: what a protected environment should deploy (a tag such as {@code latest} changes under it).
 *
 * @param tarball path of the image tarball, relative to the spec file (to the working directory for the
 *                bundled spec)
 * @param digest  the image's digest, {@code sha256:} and 64 hex digits; the tag is then ignored
 */
public record Image(String repository, String tag, Optional<String> tarball, Optional<String> digest) {

    public static final String MUTABLE_TAG = "latest";

    public Image(String repository, String tag) {
        this(repository, tag, Optional.empty(), Optional.empty());
    }

    public Image(String repository, String tag, Optional<String> tarball) {
        this(repository, tag, tarball, Optional.empty());
    }

    /** True when the image is the moving {@code latest} tag: what `stack deploy` refuses for a protected environment. */
    public boolean mutable() {
        return tarball.isEmpty() && digest.isEmpty() && MUTABLE_TAG.equals(tag);
    }

    /** How the image is named for people: {@code repo@sha256:...}, {@code repo:tag} or the tarball. */
    public String label() {
        return tarball.map(t -> "tarball " + t).orElseGet(() -> repository + digest.map(d -> "@" + d)
                .orElse(":" + tag));
    }
}
