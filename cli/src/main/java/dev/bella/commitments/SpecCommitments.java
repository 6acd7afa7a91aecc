package dev.bella.commitments;

import dev.bella.rightsize.Change;
import dev.bella.spec.Cache;
import dev.bella.spec.Commitments.Commitment;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec's {@code commitments} against what is held: the share of the environment's database instance and
 * cache nodes that active reservations of the same class cover. A reservation applies to any matching instance in
 * the account and region, so it is counted for the environment asked about (--env, default prod).
 */
final class SpecCommitments {

    private SpecCommitments() {
    }

    static List<Change> changes(Spec spec, String envName, List<HeldCommitments.Reservation> held) {
        Environment env = spec.environment(envName).orElseThrow();
        List<Change> out = new ArrayList<>();
        int dbHeld = held.stream().filter(HeldCommitments.Reservation::active).filter(r -> r.kind().equals("rds")
                && r.instanceType().equals(env.database().instanceClass()) && r.multiAz() == env.database().multiAz())
                .mapToInt(HeldCommitments.Reservation::count).sum();
        change(out, envName, "database", env.commitments().database(), coverage(dbHeld, 1));
        if (env.cache() instanceof Cache.Redis redis) {
            int nodesHeld = held.stream().filter(HeldCommitments.Reservation::active).filter(r -> r.kind().equals("elasticache")
                    && r.instanceType().equals(redis.nodeType())).mapToInt(HeldCommitments.Reservation::count).sum();
            change(out, envName, "cache", env.commitments().cache(), coverage(nodesHeld, redis.nodes()));
        }
        return out;
    }

    /** Reserved units over the units running, in whole percent, at most 100. */
    static int coverage(int reserved, int running) {
        return running <= 0 ? 0 : Math.min(100, reserved * 100 / running);
    }

    private static void change(List<Change> out, String env, String what, Commitment spec, int held) {
        if (spec.coveragePercent() != held) {
            out.add(new Change(env, List.of("commitments", what, "coverage-percent"),
                    Integer.toString(spec.coveragePercent()), Integer.toString(held)));
        }
    }
}
