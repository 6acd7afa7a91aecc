package dev.bella.alternatives;

import static dev.bella.alternatives.Risk.Constraint.AVAILABILITY;
import static dev.bella.alternatives.Risk.Constraint.CALL_QUALITY;
import static dev.bella.alternatives.Risk.Constraint.VOICE_RESPONSE;

import dev.bella.report.Category;
import dev.bella.spec.Cache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ElastiCache against the in-process cache alone and DynamoDB on demand as the shared cache. */
final class CacheArea {

    static final String DYNAMO = "dynamodb-on-demand";
    private static final String SMALLEST_NODE = "cache.t4g.micro";

    private CacheArea() {
    }

    static List<Option> options(Context ctx) {
        List<Option> out = new ArrayList<>();
        if (ctx.env().cache() instanceof Cache.Redis redis) {
            out.add(ctx.current(Area.CACHE, "elasticache", "ElastiCache " + redis.nodeType(), List.of(), List.of()));
            // what the estimate does with cache: none (no cache category), so a cache written over several
            // lines, which cannot be edited in place, is still priced
            out.add(ctx.option(Area.CACHE, "in-process", "In-process cache only",
                    ctx.replace(Map.of(Category.CACHE, List.of())),
                    List.of(Risk.low(CALL_QUALITY, "each task keeps its own cache and loses it on restart: a few more "
                            + "OpenAI calls (priced in the OpenAI line only at the spec's llm-share)")),
                    Optional.of(ctx.envChange("cache", "none")), List.of()));
        } else {
            out.add(ctx.current(Area.CACHE, "in-process", "In-process cache only",
                    List.of(Risk.low(CALL_QUALITY, "each task keeps its own cache and loses it on restart")), List.of()));
            ctx.edited(Area.CACHE, "elasticache", "ElastiCache " + SMALLEST_NODE,
                    ctx.envChange("cache", "{engine: redis, node-type: " + SMALLEST_NODE + "}"),
                    List.of(Risk.low(AVAILABILITY, "one node, no replica: the service falls back to its in-process cache")),
                    List.of("ElastiCache cannot be stopped: it runs the whole month even in a scheduled environment"))
                    .ifPresent(out::add);
        }
        BigDecimal lookups = ctx.calls().multiply(BigDecimal.valueOf(ctx.env().usage().turnsPerCall()));
        BigDecimal stores = lookups.multiply(ctx.env().usage().llmShare());
        out.add(ctx.option(Area.CACHE, DYNAMO, "DynamoDB on demand (TTL items) as the shared cache",
                ctx.replace(Map.of(Category.CACHE, Formulas.dynamo(ctx.prices(),
                        lookups.multiply(ctx.assumptions().dynamoReadUnitsPerLookup()),
                        stores.multiply(ctx.assumptions().dynamoWriteUnitsPerStore())))),
                List.of(Risk.low(VOICE_RESPONSE, "single-digit milliseconds per lookup"),
                        Risk.low(AVAILABILITY, "regional, multi-AZ, no node to fail")),
                Optional.empty(), List.of("the seed names DAX: DAX bills nodes by the hour like a cache node, so it "
                        + "cannot be the cheap option at this volume; not priced", "the spec cannot express a DynamoDB cache yet")));
        return out;
    }
}
