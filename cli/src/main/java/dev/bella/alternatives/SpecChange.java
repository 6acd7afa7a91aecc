package dev.bella.alternatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spec edit an alternative corresponds to: the value at {@code path} (from the document root, e.g.
 * {@code environments.prod.ingress} or {@code region}) becomes {@code value}, YAML text as written.
 *
 * @param after     when the key is not written yet, the sibling key after whose line it is added
 * @param alongside edits that must go with this one for the spec to stay valid (an ALB's certificate)
 */
public record SpecChange(List<String> path, String value, Optional<String> after, List<SpecChange> alongside) {

    public SpecChange {
        path = List.copyOf(path);
        alongside = List.copyOf(alongside);
    }

    public SpecChange(List<String> path, String value) {
        this(path, value, Optional.empty(), List.of());
    }

    public String key() {
        return String.join(".", path);
    }

    /** This edit and {@code other} together. */
    SpecChange with(SpecChange other) {
        List<SpecChange> all = new ArrayList<>(alongside);
        all.add(other);
        return new SpecChange(path, value, after, all);
    }

    /** This edit, then every edit that goes with it. */
    List<SpecChange> all() {
        List<SpecChange> out = new ArrayList<>();
        out.add(new SpecChange(path, value, after, List.of()));
        alongside.forEach(c -> out.addAll(c.all()));
        return out;
    }
}
