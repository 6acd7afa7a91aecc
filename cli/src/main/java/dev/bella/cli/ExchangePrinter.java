package dev.bella.cli;

import dev.bella.booking.http.ScriptedCall.Exchange;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Prints each exchange of {@code booking call} as it happens. Kept out of the command class: picocli reflects on
 * every command's methods when it builds the tree, and a booking-core type in a command's method signature would
 * need the booking runtime on the classpath of every command (the launcher adds it for {@code booking} only).
 */
final class ExchangePrinter implements Consumer<Exchange> {

    private final PrintWriter out;

    ExchangePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(Exchange e) {
        String said = e.sent().containsKey("SpeechResult") ? " SpeechResult=\"" + e.sent().get("SpeechResult") + "\""
                : e.sent().containsKey("Digits") ? " Digits=" + e.sent().get("Digits") : "";
        out.println("> POST " + e.path() + said);
        out.println("< " + e.status() + " " + e.body());
        out.flush();
    }
}
