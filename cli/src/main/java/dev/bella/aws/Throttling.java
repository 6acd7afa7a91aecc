package dev.bella.aws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Retries a call that AWS throttled with an error the SDK's retry strategy does not treat as throttling: Cost
 * Explorer answers {@code LimitExceededException} (HTTP 400), which the SDK gives up on at once. Six attempts
 * with exponential backoff and jitter from {@code base}, about a minute in all at one second.
 */
public final class Throttling {

    public static final int ATTEMPTS = 6;

    private final Duration base;

    public Throttling(Duration base) {
        this.base = base;
    }

    public <T> T retry(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!throttled(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                long wait = base.toMillis() << (attempt - 1);
                try {
                    Thread.sleep(wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean throttled(AwsServiceException e) {
        return e.isThrottlingException() || e.awsErrorDetails() != null
                && "LimitExceededException".equals(e.awsErrorDetails().errorCode());
    }
}
