package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14 through the launcher (bin/bella on the packaged artifacts): `bella booking serve` on the embedded default, a first call that books, and a
 * second call from the same number that is greeted by name and never asked for it (`bella booking call` shows it).
 */
class BookingReturningCallerIT {

    private static final Pattern LISTENING = Pattern.compile("booking service on (http://localhost:\\d+)");
    private static final String CALLER = "+15145550142";

    @Test
    @Timeout(240)
    void aReturningCallersCallAsksNoName() throws Exception {
        Path data = Files.createTempDirectory("bella-returning-it");
        // through bin/bella: the booking runtime (lib/booking) is on the classpath for `booking` alone
        Process serve = LauncherIT.launcher(List.of("booking", "serve", "--port", "0", "--data-dir", data.toString()))
                .start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8))) {
            String url = null;
            for (String line; url == null && (line = err.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertThat(url).isNotNull();
            // whatever today is, 1 takes the read-back or the first free time offered, the next 1 books it
            Run first = call(url, data, "CA00000000000000000000000000000141", "my name is Dana Whitfield, Thursday at 10 am",
                    "dtmf:1", "dtmf:1", "dtmf:1");
            assertThat(first.exit).as(first.err).isZero();
            assertThat(first.out).contains("Your name, and the day and time you'd like?", "You're booked");

            Run second = call(url, data, "CA00000000000000000000000000000142", "Friday at 11 am");
            assertThat(second.exit).as(second.err).isZero();
            assertThat(second.err).isEmpty();
            assertThat(second.out).contains("Welcome back, Dana. What day and time would you like?")
                    .doesNotContain("your name", "Your name");
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run call(String url, Path data, String sid, String... said) throws Exception {
        // --data-dir: the call signs with the token serve generated there
        List<String> cmd = new ArrayList<>(List.of("booking", "call", "--to", url, "--from", CALLER, "--call-sid", sid,
                "--data-dir", data.toString()));
        for (String s : said) {
            cmd.add("--say");
            cmd.add(s);
        }
        Process p = LauncherIT.launcher(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
