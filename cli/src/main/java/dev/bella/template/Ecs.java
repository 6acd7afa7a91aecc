package dev.bella.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** How an ECS service's template properties read, shared by the policies and the template pricing. */
public final class Ecs {

    private Ecs() {
    }

    /** The task definition an {@code AWS::ECS::Service} runs, when it is in the same template. */
    public static Optional<Resource> taskDefinition(Resource service) {
        return service.value("TaskDefinition") instanceof Value.Reference r
                ? service.template().resource(r.logicalId()) : Optional.empty();
    }

    /** FARGATE_SPOT's share of the capacity provider strategy's weights, in percent; 0 with no strategy. */
    public static int spotPercent(Resource service) {
        long spot = 0;
        long total = 0;
        for (var entry : service.raw("CapacityProviderStrategy")) {
            long weight = service.template().resolve(entry.path("Weight")).integer().orElse(0L);
            total += weight;
            if ("FARGATE_SPOT".equals(entry.path("CapacityProvider").asText())) {
                spot += weight;
            }
        }
        return total == 0 ? 0 : BigDecimal.valueOf(spot * 100).divide(BigDecimal.valueOf(total), 0,
                RoundingMode.HALF_UP).intValue();
    }

    /** The task's CPU architecture as the template says it; AWS's default is X86_64. */
    public static String architecture(Resource taskDefinition) {
        return taskDefinition.value("RuntimePlatform", "CpuArchitecture").text().orElse("X86_64");
    }
}
