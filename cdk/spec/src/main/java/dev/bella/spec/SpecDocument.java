package dev.bella.spec;

import dev.bella.yaml.YamlNode;

/**
 * A parsed but not yet validated spec. The roadmap projection patches documents (a phase's
 * {@code changes} merged over the baseline) and reads the result with the same loader.
 */
public record SpecDocument(SpecSource source, YamlNode root) {

    public SpecDocument patched(YamlNode changes) {
        return new SpecDocument(source, changes.mergedOver(root));
    }
}
