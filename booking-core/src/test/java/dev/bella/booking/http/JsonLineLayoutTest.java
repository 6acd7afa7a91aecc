package dev.bella.booking.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineLayoutTest {

    @Test
    void oneJsonObjectPerLineWithTheCallSidAndMaskedPhones() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.bella.booking.voice.VoiceService"), Level.INFO,
                "caller {} said \"hi\"", null, new Object[] {"+15551234567"});
        event.setMDCPropertyMap(Map.of("callSid", "CA123", "from", "+15551234567"));
        JsonLineLayout layout = new JsonLineLayout();
        String line = layout.doLayout(event);
        assertThat(line).endsWith("}\n").doesNotContain("5551234567");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("callSid").asText()).isEqualTo("CA123");
        assertThat(json.get("from").asText()).isEqualTo("+*******4567");
        assertThat(json.get("msg").asText()).isEqualTo("caller +*******4567 said \"hi\"");
    }
}
