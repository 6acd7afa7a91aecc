package dev.bella.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A property value as far as it can be known without deploying: a literal, a reference to another
 * resource of the template, or an intrinsic function that only CloudFormation can evaluate.
 */
public sealed interface Value {

    /** The property is not in the template (CloudFormation's default applies). */
    record Absent() implements Value {
    }

    record Literal(JsonNode node) implements Value {
    }

    /** {@code Ref} or {@code Fn::GetAtt} of a resource of the same template. */
    record Reference(String logicalId, Optional<String> attribute) implements Value {
    }

    /** An intrinsic function that cannot be evaluated offline, as written (for messages). */
    record Unresolved(String expression) implements Value {
    }

    default Optional<String> text() {
        return this instanceof Literal l && l.node().isValueNode() ? Optional.of(l.node().asText()) : Optional.empty();
    }

    /** A whole number, whether the template wrote it as a number or, as CDK does for Cpu, as a string. */
    default Optional<Long> integer() {
        return text().flatMap(t -> {
            try {
                return Optional.of(Long.parseLong(t.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    default Optional<java.math.BigDecimal> decimal() {
        return text().flatMap(t -> {
            try {
                return Optional.of(new java.math.BigDecimal(t.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** As written in a message: the literal, or the expression that could not be resolved. */
    default String describe() {
        return switch (this) {
            case Absent a -> "(not set)";
            case Literal l -> l.node().isTextual() ? l.node().asText() : l.node().toString();
            case Reference r -> r.attribute().map(a -> "GetAtt " + r.logicalId() + "." + a).orElse("Ref " + r.logicalId());
            case Unresolved u -> u.expression() + " (not resolvable offline)";
        };
    }
}
