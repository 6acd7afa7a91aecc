package dev.bella.cli;

import dev.bella.booking.BookingApp;
import dev.bella.booking.ServiceLogging;
import dev.bella.booking.config.BookingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "serve",
        description = {"Run the booking service in the foreground until Ctrl-C.",
                "With no BELLA_DB_URL it starts an embedded PostgreSQL whose data stays in --data-dir;"
                        + " the other settings come from the BELLA_* and TWILIO_* environment variables"
                        + " (docs/booking-service.md)."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella booking serve    # embedded database in ~/.bella/booking-db, port 8080",
                "  bella booking serve --port 9000 --data-dir /tmp/bella-db",
                "  bella booking serve --host 0.0.0.0    # with TWILIO_AUTH_TOKEN set"})
final class BookingServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: BELLA_PORT or 8080; 0 picks one).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on (default: BELLA_HOST, or"
            + " 127.0.0.1 on the embedded default and 0.0.0.0 with BELLA_DB_URL).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded database directory (default: BELLA_DATA_DIR or ~/.bella/booking-db).")
    Path dataDir;

    @CommandLine.Spec
    CommandSpec self;

    @Override
    public Integer call() {
        BookingConfig config = BookingSetup.config(System.getenv());
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new UserException(ExitCode.USAGE, "--port must be between 0 and 65535, got " + port);
            }
            config = config.withPort(port);
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (host != null) {
            config = config.withHost(host);
        }
        // the service logs as its own jar does (JSON lines on stdout); the other commands keep stdout clean
        ServiceLogging.install();
        try (BookingApp app = BookingSetup.start(config)) {
            Path data = config.dataDir();
            app.embeddedLedger().ifPresent(l -> self.commandLine().getErr().println("bella: ledger at " + l
                    + "; read it with `bella cost report --ledger-url " + data + "` while this runs"));
            self.commandLine().getErr().println("bella: booking service on " + app.publicUrl()
                    + (config.embedded() ? " (embedded PostgreSQL, data in " + config.dataDir() + ")" : "")
                    + "; Ctrl-C stops it");
            self.commandLine().getErr().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "bella-booking-stop"));
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK.code;
    }
}
