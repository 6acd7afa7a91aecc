package dev.bella.booking;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Logs exactly as the service jar does (JSON lines on stdout, BELLA_LOG_LEVEL) when the service runs inside
 * another program, {@code bella booking serve}, whose own default is to log nothing so its other commands keep
 * stdout clean.
 */
public final class ServiceLogging {

    private ServiceLogging() {
    }

    /** Replaces whatever logging is configured with the service's; false when logback is not the SLF4J backend. */
    public static boolean install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return false;
        }
        URL config = ServiceLogging.class.getResource("/logback.xml");
        if (config == null) {
            throw new IllegalStateException("logback.xml of the booking service is missing from the classpath");
        }
        context.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        try {
            joran.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("could not configure the booking service's logging: " + e.getMessage(), e);
        }
        return true;
    }
}
