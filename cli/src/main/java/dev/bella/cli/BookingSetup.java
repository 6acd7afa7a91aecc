package dev.bella.cli;

import dev.bella.booking.BookingApp;
import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.config.BookingConfigException;
import dev.bella.booking.store.DataDirBusyException;
import dev.bella.embedded.EmbeddedDefault;
import java.util.Map;

/**
 * The booking service's configuration for {@code booking serve}. Not in the command class: the verifier loads the
 * type a catch clause names when it links the class, and picocli links every command when it builds the tree,
 * on a classpath without booking-core (the launcher's light one).
 */
final class BookingSetup {

    private BookingSetup() {
    }

    /** From the environment; the embedded default's data under $HOME (the user's, as the shell sees it). */
    static BookingConfig config(Map<String, String> env) {
        try {
            return BookingConfig.fromEnv(env, EmbeddedDefault.home(env));
        } catch (BookingConfigException e) {
            throw new UserException(ExitCode.USAGE, e.problems());
        }
    }

    /** The service started; a data dir another live server holds is a usage error (exit 2), naming its PID. */
    static BookingApp start(BookingConfig config) {
        try {
            return BookingApp.start(config);
        } catch (DataDirBusyException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }
}
