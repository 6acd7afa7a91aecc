package dev.bella.commitments;

import dev.bella.spec.Cache;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Payback and the risks of a purchase, in words a reader can act on. */
final class PurchaseAdvice {

    private PurchaseAdvice() {
    }

    /**
     * The month in which the cash paid for a commitment (upfront plus its monthly charge) falls to what the same
     * usage costs on demand. Cost Explorer's monthly saving has the upfront spread over the term, so the monthly
     * cash advantage over on-demand is {@code saving + upfront / term}; payback is {@code upfront} over that,
     * rounded up. No upfront: it saves from the first month. Empty when it never pays back within the term.
     */
    static Optional<Integer> breakEvenMonth(BigDecimal upfront, BigDecimal monthlySaving, Term term) {
        BigDecimal perMonth = monthlySaving.add(upfront.divide(BigDecimal.valueOf(term.months()), 10, RoundingMode.HALF_UP));
        if (perMonth.signum() <= 0) {
            return Optional.empty();
        }
        if (upfront.signum() == 0) {
            return Optional.of(1);
        }
        int month = upfront.divide(perMonth, 0, RoundingMode.CEILING).intValue();
        return month > term.months() ? Optional.empty() : Optional.of(Math.max(1, month));
    }

    /** Why the purchase may not pay off for this spec: schedules that stop the instance, long terms, cash up front. */
    static List<String> risks(String kind, String instanceType, BigDecimal upfront, Optional<Integer> breakEven,
                              CommitmentsQuery q, Spec spec) {
        List<String> risks = new ArrayList<>();
        if (instanceType != null) {
            for (Environment env : spec.environments().values()) {
                if (env.schedule().isPresent() && uses(env, instanceType)) {
                    risks.add(env.name() + " runs " + instanceType + " only on its " + env.schedule().get()
                            + " schedule (the dev schedule stops it): a reservation bills every hour of the term, "
                            + "running or not; reserve only what always-on environments use");
                }
            }
        }
        if (kind.equals("savings-plan")) {
            risks.add("commits the hourly amount for the whole term whether or not Fargate or Lambda run; fewer or "
                    + "smaller tasks (bella cost rightsize) leave part of it unused");
        }
        if (q.term() == Term.THREE_YEARS) {
            risks.add("three years: a rightsizing or a move to another family (Graviton) before then leaves the "
                    + "commitment paying for capacity nobody uses");
        }
        if (upfront.signum() > 0) {
            risks.add("$" + CommitmentsReport.cents(upfront).toPlainString() + " paid up front is not refunded if the "
                    + "usage goes away");
        }
        if (breakEven.isEmpty()) {
            risks.add("does not pay back within the term at the lookback's usage");
        }
        return risks;
    }

    private static boolean uses(Environment env, String instanceType) {
        return instanceType.equals(env.database().instanceClass())
                || env.cache() instanceof Cache.Redis r && instanceType.equals(r.nodeType());
    }
}
