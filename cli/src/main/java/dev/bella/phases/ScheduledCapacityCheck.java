package dev.bella.phases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bella.spec.Autoscaling;
import dev.bella.spec.Environment;
import dev.bella.template.Resource;
import dev.bella.template.StackSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy {@code scheduled-capacity}: the spec asks for a scheduled minimum (blocks under
 * {@code service.autoscaling.scheduled}) and, when there is a template, the service's scalable target carries
 * scheduled actions in the blocks' zone whose largest minimum is the blocks' largest.
 */
final class ScheduledCapacityCheck {

    private ScheduledCapacityCheck() {
    }

    static List<Check> check(Environment env, Optional<StackSet> stacks) {
        Autoscaling.Capacity capacity = env.service().autoscaling().capacity();
        List<Check> out = new ArrayList<>();
        out.add(Check.of(!capacity.scheduled().isEmpty(), PolicyChecks.SPEC, "spec environments." + env.name()
                        + ".service.autoscaling.scheduled", "", "a scheduled minimum (bella cost capacity --apply)",
                capacity.scheduled().isEmpty() ? "none" : capacity.scheduled().size() + " block(s)"));
        if (stacks.isEmpty() || capacity.scheduled().isEmpty()) {
            return out;
        }
        String zone = capacity.zone().orElseThrow().getId();
        int highest = capacity.scheduled().stream().mapToInt(Autoscaling.Block::min).max().orElseThrow();
        List<Resource> targets = stacks.get().ofType("AWS::ApplicationAutoScaling::ScalableTarget");
        if (targets.isEmpty()) {
            out.add(Check.of(false, PolicyChecks.TEMPLATE, "the template", "", "an AWS::ApplicationAutoScaling::"
                    + "ScalableTarget", "none"));
        }
        for (Resource t : targets) {
            JsonNode actions = t.raw("ScheduledActions");
            int count = actions.isArray() ? actions.size() : 0;
            List<String> zones = new ArrayList<>();
            int max = 0;
            for (JsonNode a : actions) {
                zones.add(a.path("Timezone").asText("UTC"));
                max = Math.max(max, a.path("ScalableTargetAction").path("MinCapacity").asInt(0));
            }
            out.add(Check.of(count > 0, PolicyChecks.TEMPLATE, t.label(), "ScheduledActions",
                    "scheduled actions for " + capacity.scheduled().size() + " block(s)", count + " action(s)"));
            if (count > 0) {
                out.add(Check.of(zones.stream().allMatch(zone::equals), PolicyChecks.TEMPLATE, t.label(),
                        "ScheduledActions[].Timezone", zone, String.join(", ", zones.stream().distinct().toList())));
                out.add(Check.of(max == highest, PolicyChecks.TEMPLATE, t.label(),
                        "ScheduledActions[].ScalableTargetAction.MinCapacity", "up to " + highest, "up to " + max));
            }
        }
        return out;
    }
}
