package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyedNumberTest {

    @Test
    void tenDigitsAreReadInTheCallersRegionAndElevenWithTheCountryCode() {
        assertThat(KeyedNumber.parse("5145559876", "anonymous")).map(Extracted::value).contains("+15145559876");
        assertThat(KeyedNumber.parse("15145559876", null)).map(Extracted::value).contains("+15145559876");
        assertThat(KeyedNumber.parse("02079460018", "+442079460000")).map(Extracted::value).contains("+442079460018");
    }

    @Test
    void keysThatAreNoNumberAreNone() {
        for (String keys : new String[] {"", "1", "12345", "123456", "*5145559876", "5145559876#", "1234567890123456",
                "514 555 9876", "٥١٤٥٥٥٩٨٧٦"}) {
            assertThat(KeyedNumber.parse(keys, "anonymous")).as(keys).isEmpty();
        }
        assertThat(KeyedNumber.parse(null, null)).isEmpty();
    }

    /** Whatever Twilio posts as Digits (keys, or a forged field), the answer is a number made of those digits, or none. */
    @Test
    void anyKeysGiveANumberOfThoseDigitsOrNone() {
        Random random = new Random(14);
        String keys = "0123456789*#";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(20);
            for (int k = 0; k < n; k++) {
                b.append(keys.charAt(random.nextInt(random.nextInt(4) == 0 ? keys.length() : 10)));
            }
            String typed = b.toString();
            Optional<Extracted<String>> got = KeyedNumber.parse(typed, "+15145550000");
            got.ifPresent(e -> {
                assertThat(e.value()).as(typed).matches("\\+\\d{8,15}");
                assertThat(typed).as(e.value()).matches("\\d{7,15}").endsWith(e.value().substring(e.value().length() - 4));
                assertThat(e.confidence()).isBetween(0.5, 1.0);
            });
        }
    }
}
