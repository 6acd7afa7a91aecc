package dev.bella.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Set;

/** One resource of a template: its logical id, its type and its properties, resolved through the template. */
public record Resource(String logicalId, String type, JsonNode properties, CloudTemplate template) {

    /** The value at a path of properties, e.g. {@code value("RuntimePlatform", "CpuArchitecture")}. */
    public Value value(String... path) {
        return template.resolve(raw(path));
    }

    /** The node at a path of properties, unresolved; a missing node when absent. */
    public JsonNode raw(String... path) {
        JsonNode n = properties;
        for (String p : path) {
            n = n == null ? MissingNode.getInstance() : n.path(p);
        }
        return n;
    }

    /** Logical ids this resource refers to anywhere in its properties (Ref, Fn::GetAtt, ${Id} in Fn::Sub). */
    public Set<String> references() {
        return template.references(properties);
    }

    /**
     * A Ref or GetAtt resolves inside its own template only (another stack's resource is reached by an import), and
     * the CDK reuses logical ids across stacks: the service's and the scheduler's task definitions are both
     * {@code Task…}. So the other resource must be of the same template, not merely have a named id.
     */
    public boolean refersTo(Resource other) {
        return template == other.template && references().contains(other.logicalId());
    }

    /**
     * How a finding names this resource: stack and logical id, since the CDK reuses logical ids across stacks
     * (the service's and the dev scheduler's log groups are both {@code Logs…}).
     */
    public String label() {
        return template.name() + "/" + logicalId + " (" + type + ")";
    }

    @Override
    public String toString() {
        return label();
    }

    // equality by identity of the template: records would compare whole trees and recurse through template
    @Override
    public boolean equals(Object o) {
        return o instanceof Resource r && r.logicalId.equals(logicalId) && r.template == template;
    }

    @Override
    public int hashCode() {
        return logicalId.hashCode();
    }
}
