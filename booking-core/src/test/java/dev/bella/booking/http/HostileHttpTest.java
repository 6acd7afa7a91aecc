package dev.bella.booking.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.voice.HarnessTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an attacker can send at the HTTP front door: invented methods and paths, slow senders. Loopback only. */
class HostileHttpTest extends HarnessTest {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void inventedMethodsAndPathsKeepTheMetricsBounded() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<int[]>> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            Random mine = new Random(random.nextLong());
            parts.add(senders.submit(() -> {
                int[] statuses = new int[600];
                for (int i = 0; i < 1250; i++) {
                    String method = word(mine, 4 + mine.nextInt(10));
                    String path = mine.nextBoolean() ? "/health" : "/x/" + word(mine, 8);
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(h.app.publicUrl() + path))
                            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());
                    statuses[r.statusCode()]++;
                }
                return statuses;
            }));
        }
        int[] total = new int[600];
        for (Future<int[]> f : parts) {
            int[] s = f.get(120, TimeUnit.SECONDS);
            for (int i = 0; i < s.length; i++) total[i] += s[i];
        }
        senders.shutdown();
        assertThat(total[405]).as("unknown methods are refused with 405 (seed " + seed + ")").isEqualTo(5000);
        // unmatched routes with a known method: 404, one label
        for (int i = 0; i < 50; i++) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create(h.app.publicUrl() + "/nope/" + i)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create(h.app.publicUrl() + "/health"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("a known path with a method it does not serve").isEqualTo(405);
        String metrics = http.send(HttpRequest.newBuilder(URI.create(h.app.publicUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics.length()).as("/metrics size (seed " + seed + ")").isLessThan(100 * 1024);
        assertThat(metrics).contains("method=\"other\"", "route=\"unmatched\"");
    }

    private static String word(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append((char) ('A' + r.nextInt(26)));
        return sb.toString();
    }

    /**
     * 300 connections that send a request's headers and then one byte of a body, slower than the idle timeout,
     * must neither stop /health from answering nor stay connected for long.
     */
    @Test
    void healthAnswersWhileThreeHundredSlowSendersAreConnected() throws Exception {
        int port = h.app.port();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 330; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                if (i >= 300) {
                    // and 30 whose headers never end
                    out.write(("POST /voice/turn?n=1 HTTP/1.1\r\nHost: localhost\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
                } else {
                    // a body that never arrives: to a voice route (signature present) and to /health
                    String path = i % 2 == 0 ? "/voice/turn?n=1" : "/health";
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Twilio-Signature: abc\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\nC")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                slow.add(s);
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(h.app.publicUrl() + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            // and the server lets go of them: each is answered or closed within the idle timeout (and a margin)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (Socket s : slow) {
                s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                assertThat(drain(s.getInputStream())).as("the server closed the slow connection").isTrue();
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** True when the server closed the connection (EOF or reset), false on our own read timeout. */
    private static boolean drain(InputStream in) {
        try {
            byte[] buf = new byte[1024];
            while (in.read(buf) >= 0) {
                // an error response may come first (408, 400); the close is what counts
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
