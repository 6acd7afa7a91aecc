package dev.bella.alternatives;

import java.util.List;

/**
 * The spec edit an alternative corresponds to: the value at {@code path} (from the document root, e.g.
 * {@code environments.prod.ingress} or {@code region}) becomes {@code value}, YAML text as written.
 */
public record SpecChange(List<String> path, String value) {

    public SpecChange {
        path = List.copyOf(path);
    }

    public String key() {
        return String.join(".", path);
    }
}
