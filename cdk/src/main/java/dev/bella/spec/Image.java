package dev.bella.spec;

/**
 * A container image in ECR: the repository name in the environment's account and region, and a tag.
 * Synth only names it; the image itself is built and pushed by Jib where a registry is reachable.
 */
public record Image(String repository, String tag) {
}
