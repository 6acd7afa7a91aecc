package dev.bella.alternatives;

import static dev.bella.alternatives.Risk.Constraint.AVAILABILITY;
import static dev.bella.alternatives.Risk.Constraint.VOICE_RESPONSE;

import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import dev.bella.report.Category;
import dev.bella.report.LineItem;
import dev.bella.spec.Database;
import dev.bella.spec.Ingress;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec's region against the others the seed names, each priced by the estimate from that region's table,
 * and the seed's pilot-light disaster-recovery layout: what a standby region costs a month and what it buys.
 */
final class RegionArea {

    static final String PILOT_LIGHT = "pilot-light-dr";

    private RegionArea() {
    }

    static List<Option> options(Context ctx) {
        String region = ctx.spec().region();
        List<Option> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (ctx.spec().pricesFile().isPresent()) {
            notes.add("the spec names its own price table (prices:), so other regions are not priced; remove it to "
                    + "compare regions with the bundled tables");
        }
        out.add(ctx.current(Area.REGION, region, "Everything in " + region, List.of(
                Risk.medium(AVAILABILITY, "one region: a regional outage stops the service until it ends")), notes));
        if (ctx.spec().pricesFile().isEmpty()) {
            for (String other : ctx.assumptions().otherRegions()) {
                if (!other.equals(region)) {
                    ctx.edited(Area.REGION, other, "Everything in " + other, new SpecChange(List.of("region"), other),
                            List.of(other.startsWith("us-east") ? Risk.low(VOICE_RESPONSE,
                                    "Twilio's default edge (us1) is in Virginia: a shorter webhook path")
                                    : Risk.low(VOICE_RESPONSE, "about 60-70 ms more round trip from Twilio's us1 edge "
                                    + "per webhook, well inside 3 s")),
                            List.of("callers' personal data would be stored outside " + region
                                    + " (check the residency your callers expect)")).ifPresent(out::add);
                }
            }
        }
        out.add(pilotLight(ctx));
        return out;
    }

    /**
     * A pilot light in the DR region: a cross-region read replica of the database (a replica cannot be
     * stopped, so it runs every hour), the replication traffic, a Route 53 health check to fail over on, the
     * service's stack at 0 tasks (no charge), and, with an ALB, an idle standby load balancer.
     */
    private static Option pilotLight(Context ctx) {
        Assumptions a = ctx.assumptions();
        PriceTable dr = new PriceTableLoader().bundled(a.drRegion()).orElseThrow(() -> new AlternativesException(
                "no bundled price table for the DR region " + a.drRegion()));
        Database db = ctx.env().database();
        String instanceKey = PriceKeys.rdsHour(db.engine(), db.instanceClass(), "single-az");
        String storageKey = PriceKeys.rdsStorageGbMonth(db.storageType());
        BigDecimal hours = ctx.periodHours();
        List<LineItem> database = new ArrayList<>(ctx.lines(Category.DATABASE));
        database.add(LineItem.priced("dr-replica", "DR read replica " + db.instanceClass() + " in " + a.drRegion(),
                hours, "instance-hours", dr.price(instanceKey), instanceKey));
        database.add(LineItem.priced("dr-replica-storage", "DR replica storage, " + db.storageGb() + " GB",
                BigDecimal.valueOf(db.storageGb()).multiply(ctx.monthShare()), "GB-months", dr.price(storageKey), storageKey));
        database.add(LineItem.priced("dr-replication", "Replication to " + a.drRegion(),
                a.drReplicationGbPerMonth().multiply(ctx.monthShare()), "GB", ctx.prices().price(Formulas.INTER_REGION_GB),
                Formulas.INTER_REGION_GB));
        List<LineItem> networking = new ArrayList<>(ctx.lines(Category.NETWORKING));
        networking.add(LineItem.priced("dr-health-check", "Route 53 health check for failover",
                BigDecimal.valueOf(a.drHealthChecks()).multiply(ctx.monthShare()), "health check-months",
                ctx.prices().price(Formulas.HEALTH_CHECK_MONTH), Formulas.HEALTH_CHECK_MONTH));
        if (ctx.env().ingress() == Ingress.ALB) {
            networking.add(LineItem.priced("dr-alb", "Standby ALB in " + a.drRegion(), hours, "hours",
                    dr.price(PriceKeys.ALB_HOUR), PriceKeys.ALB_HOUR));
            networking.add(LineItem.priced("dr-alb-ipv4", "Standby ALB public IPv4 addresses",
                    hours.multiply(BigDecimal.valueOf(ctx.env().network().availabilityZones())), "IP-hours",
                    dr.price(PriceKeys.PUBLIC_IPV4_HOUR), PriceKeys.PUBLIC_IPV4_HOUR));
        }
        return ctx.option(Area.REGION, PILOT_LIGHT, "Pilot-light DR in " + a.drRegion(),
                ctx.replace(Map.of(Category.DATABASE, database, Category.NETWORKING, networking)),
                List.of(Risk.low(AVAILABILITY, "buys recovery from a regional outage: RPO of seconds (asynchronous "
                                + "replication lag), RTO of about 15-30 min (promote the replica, start the service from "
                                + "0 tasks, repoint Twilio's webhook); without it, a regional outage lasts as long as AWS's"),
                        Risk.low(VOICE_RESPONSE, "none in normal operation; after a failover, the DR region's latency")),
                Optional.empty(), List.of("the seed's layout: " + ctx.spec().region() + " primary, " + a.drRegion() + " for disaster recovery only", "a regional outage is rare: for 99.9% the single-AZ database matters more",
                        "the spec cannot express a DR region yet"));
    }
}
