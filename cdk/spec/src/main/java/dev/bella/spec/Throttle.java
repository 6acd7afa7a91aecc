package dev.bella.spec;

/**
 * API Gateway stage throttling: the steady request rate and the burst the public API admits before it answers
 * 429, so a flood of requests costs a bounded amount. The defaults are far above the seed's peak (a handful of
 * concurrent calls, each posting a webhook every few seconds) and far below what would run up a bill.
 *
 * @param ratePerSecond steady-state requests per second
 * @param burst         requests admitted at once above the steady rate
 */
public record Throttle(int ratePerSecond, int burst) {

    public static final Throttle DEFAULT = new Throttle(25, 50);
}
