package dev.bella.alternatives;

import static dev.bella.alternatives.Risk.Constraint.AVAILABILITY;
import static dev.bella.alternatives.Risk.Constraint.VOICE_RESPONSE;

import dev.bella.report.Category;
import dev.bella.report.LineItem;
import dev.bella.spec.Database;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RDS PostgreSQL (the spec's class) against Aurora Serverless v2, with and without scale-to-zero, and Aurora provisioned. */
final class DatabaseArea {

    static final String SERVERLESS = "aurora-serverless-v2";
    private static final BigDecimal FLOOR_ACU = new BigDecimal("0.5");

    private DatabaseArea() {
    }

    static List<Option> options(Context ctx) {
        Database db = ctx.env().database();
        Assumptions a = ctx.assumptions();
        BigDecimal storage = BigDecimal.valueOf(db.storageGb()).multiply(ctx.monthShare());
        BigDecimal io = ctx.calls().multiply(BigDecimal.valueOf(a.auroraIoPerCall()));
        BigDecimal running = ctx.runningHours();
        BigDecimal busy = ctx.callHours();
        // awake while a call runs and for the pause delay after it; calls assumed apart, so an upper bound
        BigDecimal awake = ctx.calls().multiply(ctx.env().usage().minutesPerCall()
                .add(BigDecimal.valueOf(a.auroraPauseAfterMinutes()))).divide(BigDecimal.valueOf(60), Context.MC).min(running);

        Option current = ctx.current(Area.DATABASE, "rds", "RDS PostgreSQL " + db.instanceClass() + " " + db.deployment(),
                db.multiAz() ? List.of(Risk.low(AVAILABILITY, "Multi-AZ: a standby takes over in one to two minutes"))
                        : List.of(Risk.medium(AVAILABILITY, "Single-AZ: an instance or AZ failure is recovered by AWS in "
                        + "minutes to tens of minutes, a large share of the 43 minutes a month that 99.9% allows")),
                List.of());
        Option serverless = ctx.option(Area.DATABASE, SERVERLESS, "Aurora Serverless v2, 0.5 ACU floor",
                ctx.replace(Map.of(Category.DATABASE, Formulas.auroraServerless(ctx.prices(), FLOOR_ACU, running,
                        a.auroraBusyAcu(), busy, storage, io))),
                List.of(Risk.low(VOICE_RESPONSE, "scales in place within seconds, no cold start above the floor"),
                        Risk.medium(AVAILABILITY, "one writer and no reader: a writer failure means a new instance in "
                                + "about ten minutes (storage is kept in three AZs); a reader doubles the ACU cost")),
                Optional.empty(), List.of("on demand: reservations do not cover Serverless v2",
                        "the spec cannot express Aurora yet (database.engine is postgres only)"));
        Option toZero = ctx.option(Area.DATABASE, "aurora-serverless-v2-scale-to-zero",
                "Aurora Serverless v2, auto-pause at 0 ACU",
                ctx.replace(Map.of(Category.DATABASE, Formulas.auroraServerless(ctx.prices(), FLOOR_ACU, awake,
                        a.auroraBusyAcu(), busy, storage, io))),
                List.of(Risk.high(VOICE_RESPONSE, "resuming from 0 ACU takes about 15 s: the first call after a pause "
                                + "waits far past the 3 s budget; acceptable for dev, not for callers"),
                        Risk.medium(AVAILABILITY, "as Aurora Serverless v2, plus the resume on every first call")),
                Optional.empty(), List.of("needs Aurora PostgreSQL 13.15, 14.12, 15.7, 16.3 or later (0 ACU minimum)",
                        "awake " + awake.setScale(0, java.math.RoundingMode.HALF_UP) + " h of " + running.setScale(0,
                                java.math.RoundingMode.HALF_UP) + " running hours"));
        List<LineItem> provisioned = Formulas.auroraProvisioned(ctx.prices(), running, storage, io);
        Option aurora = ctx.option(Area.DATABASE, "aurora-provisioned", "Aurora PostgreSQL provisioned db.t4g.medium",
                ctx.replace(Map.of(Category.DATABASE, provisioned)),
                List.of(Risk.medium(AVAILABILITY, "one instance: failover only with a second (reader) instance, "
                        + "which doubles the instance cost"), Risk.low(VOICE_RESPONSE, "no scaling delay")),
                Optional.empty(), List.of("db.t4g.medium is the smallest Aurora PostgreSQL class",
                        "the spec cannot express Aurora yet (database.engine is postgres only)"));
        return List.of(current, serverless, toZero, aurora);
    }
}
