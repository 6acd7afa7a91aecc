package dev.bella.booking.http;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line, the shape CloudWatch Logs Insights parses without configuration. MDC
 * entries (callSid, from, ...) become fields. Phone numbers are masked here as well as at the call
 * sites, so a number that slips into a message or exception text never reaches the log store.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"ts\":\"").append(Instant.ofEpochMilli(event.getTimeStamp())).append('"');
        field(out, "level", event.getLevel().toString());
        field(out, "logger", event.getLoggerName());
        field(out, "thread", event.getThreadName());
        field(out, "msg", Phones.maskAll(event.getFormattedMessage()));
        for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
            // ids are matched exactly by log queries: never masked
            field(out, e.getKey(), e.getKey().endsWith("Sid") ? e.getValue() : Phones.maskAll(e.getValue()));
        }
        if (event.getThrowableProxy() != null) {
            field(out, "error", Phones.maskAll(ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        return out.append("}\n").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"");
        escape(out, name);
        out.append("\":\"");
        escape(out, value == null ? "" : value);
        out.append('"');
    }

    static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
    }
}
