package dev.bella.booking.voice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class that runs against one {@link Harness} (the service with the local extractor and a real
 * PostgreSQL), started once for the class and emptied before each test. Test classes run one at a time, so
 * the field is the running class's harness.
 */
public abstract class HarnessTest {

    protected static Harness h;

    @BeforeAll
    static void startHarness() {
        h = Harness.start();
    }

    @AfterAll
    static void stopHarness() {
        h.close();
        h = null;
    }

    @BeforeEach
    void resetHarness() throws Exception {
        h.reset();
    }
}
