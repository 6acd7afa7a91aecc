package dev.bella.booking;

import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.config.BookingConfigException;
import dev.bella.booking.store.DataDirBusyException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable jar's entry point (and the container's). Configuration comes from environment variables;
 * {@code --port} and {@code --data-dir} override BELLA_PORT and BELLA_DATA_DIR for local runs.
 */
public final class BookingMain {

    private BookingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BookingConfig config;
        try {
            config = BookingConfig.fromEnv(System.getenv(), Path.of(System.getProperty("user.home")));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> config = config.withPort(Integer.parseInt(value(args, ++i, "--port")));
                    case "--data-dir" -> config = config.withDataDir(Path.of(value(args, ++i, "--data-dir")));
                    case "--host" -> config = config.withHost(value(args, ++i, "--host"));
                    case "--help", "-h" -> {
                        System.out.println("usage: java -jar bella-booking.jar [--port N] [--host ADDR] [--data-dir DIR]"
                                + " (configuration by environment variables: see docs/booking-service.md)");
                        return;
                    }
                    default -> throw new BookingConfigException(java.util.List.of("unknown option " + args[i]
                            + "; expected --port N, --host ADDR or --data-dir DIR"));
                }
            }
        } catch (BookingConfigException e) {
            e.problems().forEach(p -> System.err.println("bella-booking: " + p));
            System.exit(2);
            return;
        } catch (NumberFormatException e) {
            System.err.println("bella-booking: --port must be a whole number");
            System.exit(2);
            return;
        }
        BookingApp app;
        try {
            app = BookingApp.start(config);
        } catch (DataDirBusyException e) {
            System.err.println("bella-booking: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "bella-shutdown"));
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new BookingConfigException(java.util.List.of(option + " needs a value"));
        }
        return args[i];
    }
}
