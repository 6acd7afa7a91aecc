package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Main returns instead of calling System.exit only when the JVM would then end at once, with status 0. */
class MainTest {

    private static boolean aliveWhileRunning(boolean daemon) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(daemon);
        t.start();
        started.await();
        try {
            return Main.otherThreadsAlive();
        } finally {
            release.countDown();
            t.join();
        }
    }

    @Test
    void a_running_non_daemon_thread_keeps_system_exit() throws InterruptedException {
        assertThat(aliveWhileRunning(false)).isTrue();
    }

    @Test
    void daemon_threads_do_not_hold_the_jvm() throws InterruptedException {
        // surefire's own threads may be running; a daemon of ours must not change the answer it gives without it
        boolean without = Main.otherThreadsAlive();
        assertThat(aliveWhileRunning(true)).isEqualTo(without);
    }
}
