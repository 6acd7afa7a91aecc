package dev.bella.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * Finds the environment's resources: every resource tagged {@code Environment=<env>} and
 * {@code bella:managed=true} (all pages), or the ARNs named with {@code --resource}, whose tags are read
 * the same way so a named resource of another environment is refused, not touched.
 */
final class Discovery {

    private final ResourceGroupsTaggingApiClient tagging;

    Discovery(ResourceGroupsTaggingApiClient tagging) {
        this.tagging = tagging;
    }

    List<ScheduledResource> tagged(String environment) {
        GetResourcesRequest request = GetResourcesRequest.builder()
                .tagFilters(TagFilter.builder().key(ScheduledResource.ENVIRONMENT_TAG).values(environment).build(),
                        TagFilter.builder().key(ScheduledResource.MANAGED_TAG).values("true").build())
                .resourceTypeFilters(Arrays.stream(ScheduledResource.Kind.values()).map(k -> k.typeFilter).toList())
                .resourcesPerPage(100)
                .build();
        List<ScheduledResource> out = new ArrayList<>();
        // the paginator follows PaginationToken until AWS returns an empty one
        tagging.getResourcesPaginator(request).resourceTagMappingList().forEach(m -> toResource(m, out));
        return out;
    }

    /** The named ARNs with their tags; an ARN the Tagging API does not know comes back with no tags. */
    List<ScheduledResource> named(List<String> arns) {
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
            tagging.getResourcesPaginator(r -> r.resourceARNList(batch)).resourceTagMappingList()
                    .forEach(m -> tags.put(m.resourceARN(), tagMap(m)));
        }
        List<ScheduledResource> out = new ArrayList<>();
        for (String arn : arns) {
            ScheduledResource.Kind kind = ScheduledResource.Kind.ofArn(arn).orElseThrow(() -> new ScheduleConfigException(
                    "--resource " + arn + ": expected the ARN of an ECS service, RDS instance or cluster, or ElastiCache cluster"));
            out.add(new ScheduledResource(kind, arn, tags.getOrDefault(arn, Map.of())));
        }
        return out;
    }

    private static void toResource(ResourceTagMapping m, List<ScheduledResource> out) {
        ScheduledResource.Kind.ofArn(m.resourceARN())
                .ifPresent(k -> out.add(new ScheduledResource(k, m.resourceARN(), tagMap(m))));
    }

    private static Map<String, String> tagMap(ResourceTagMapping m) {
        Map<String, String> tags = new LinkedHashMap<>();
        m.tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }
}
