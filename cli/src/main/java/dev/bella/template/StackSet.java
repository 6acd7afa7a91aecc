package dev.bella.template;

import java.util.List;

/** The stacks of one environment: one template, or every stack of a cloud assembly. */
public record StackSet(String source, List<CloudTemplate> templates) {

    public StackSet {
        templates = List.copyOf(templates);
    }

    public List<Resource> resources() {
        return templates.stream().flatMap(t -> t.resources().stream()).toList();
    }

    public List<Resource> ofType(String type) {
        return resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Resources of {@code type} that refer to {@code target} (a scaling target to its service, ...). */
    public List<Resource> referring(String type, Resource target) {
        return ofType(type).stream().filter(r -> r.refersTo(target)).toList();
    }
}
