package dev.bella.cli;

import dev.bella.booking.http.ScriptedCall;
import dev.bella.booking.store.LocalSecrets;
import dev.bella.booking.http.ScriptedCall.Exchange;
import dev.bella.embedded.EmbeddedDefault;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "call",
        description = {"Play a scripted call against a running booking service and print each TwiML answer.",
                "Signed like Twilio signs it (TWILIO_AUTH_TOKEN, or the token `bella booking serve` generated in",
                "--data-dir).",
                "Each --say is one caller turn; 'dtmf:1' presses a key, 'dtmf:5145550199' keys in a number and an empty",
                "--say \"\" is silence.",
                "Exits 3 when the service refuses the signature, 1 when it answers an error."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella booking call --to http://localhost:8080 --from +15551234567 \\",
                "      --say \"Hi, my name is Jane Doe, Monday at 10 a.m.\" --say yes"})
final class BookingCallCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "The service's public base URL (what Twilio calls and signs), e.g. http://localhost:8080.")
    URI to;

    @Option(names = "--from", required = true, paramLabel = "NUMBER", description = "Caller number in E.164, e.g."
            + " +15551234567; +266696687 is what Twilio sends for a caller who withheld their number.")
    String from;

    @Option(names = "--say", paramLabel = "TEXT", description = "What the caller says next (repeatable, in order).")
    List<String> say = List.of();

    @Option(names = "--call-sid", paramLabel = "SID", description = "CallSid to use (default: a random CA...).")
    String callSid;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Without TWILIO_AUTH_TOKEN, sign with the token"
            + " `bella booking serve` generated in this data dir (default: BELLA_DATA_DIR or ~/.bella/booking-db).")
    Path dataDir;

    @CommandLine.Spec
    CommandSpec self;

    @Override
    public Integer call() throws InterruptedException {
        if (to.getScheme() == null || !to.getScheme().matches("https?") || to.getHost() == null) {
            throw new UserException(ExitCode.USAGE, "--to must be an http(s) URL like http://localhost:8080, got '" + to + "'");
        }
        if (!from.matches("\\+\\d{8,15}")) {
            throw new UserException(ExitCode.USAGE, "--from must be an E.164 number like +15551234567, got '" + from + "'");
        }
        String token = token();
        String sid = callSid != null ? callSid : "CA" + HexFormat.of().formatHex(randomBytes());
        PrintWriter out = self.commandLine().getOut();
        List<Exchange> exchanges;
        try {
            exchanges = new ScriptedCall(ScriptedCall.defaultClient(), to, token).play(sid, from, "+15550000000", say,
                    new ExchangePrinter(out));
        } catch (IOException e) {
            throw new UserException(ExitCode.USAGE, "could not reach " + to + ": " + e + "; is the service running?");
        }
        for (Exchange e : exchanges) {
            if (e.status() == 403) {
                self.commandLine().getErr().println("bella: the service refused the signature (403); set TWILIO_AUTH_TOKEN"
                        + " to its token and --to to its BELLA_PUBLIC_URL");
                return ExitCode.AWS.code;
            }
            if (e.status() != 200) {
                self.commandLine().getErr().println("bella: " + e.path() + " answered HTTP " + e.status());
                return ExitCode.POLICY_VIOLATION.code;
            }
        }
        return ExitCode.OK.code;
    }

    /** TWILIO_AUTH_TOKEN, else the token the embedded default generated in its data dir. */
    private String token() {
        String env = System.getenv("TWILIO_AUTH_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        Path dir = dataDir != null ? dataDir : BookingSetup.config(System.getenv()).dataDir();
        Path file = dir.resolve(EmbeddedDefault.TWILIO_TOKEN_FILE);
        try {
            return LocalSecrets.read(file);
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.USAGE, "no TWILIO_AUTH_TOKEN and no " + file + "; set TWILIO_AUTH_TOKEN,"
                    + " or --data-dir to the directory `bella booking serve` uses");
        } catch (IOException e) {
            throw new UserException(ExitCode.USAGE, "cannot read the service's token: " + e.getMessage());
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
