package dev.bella.booking.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phone numbers in any format lose all but their last four digits; ids and dates are never touched. */
class PhonesMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(416) 555-0123 | (***) ***-0123",
            "+1 (416) 555-0123 | +* (***) ***-0123",
            "+14165550123 | +*******0123",
            "416.555.0123 | ***.***.0123",
            "416 555 0123 | *** *** 0123",
            "1-416-555-0123 | *-***-***-0123",
            "+44 20 7946 0018 | +** ** **** 0018",
            "5550123 | ***0123"})
    void everyFormatKeepsOnlyTheLastFourDigits(String number, String masked) {
        assertThat(Phones.maskAll("call " + number + " today")).isEqualTo("call " + masked + " today");
    }

    @Test
    void idsDatesAndAddressesAreLeftAlone() {
        for (String s : new String[] {"CA1234567890abcdef1234567890abcdef", "sha256:0123456789abcdef0123456789",
                "123e4567-e89b-12d3-a456-426614174000", "2030-01-03T15:00:00Z", "on 2030-01-07 at 3pm",
                "127.0.0.1:8080", "/voice/turn?n=12", "POST /voice/turn 200 2.10ms"}) {
            assertThat(Phones.maskAll(s)).isEqualTo(s);
        }
    }

    @Test
    void randomCallSidsAreNeverMaskedAndRandomPhonesAlwaysAre() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[16];
            r.nextBytes(b);
            String sid = "CA" + HexFormat.of().formatHex(b);
            String phone = phone(r);
            String line = "callSid=" + sid + " msg=caller said " + phone + ", " + sid;
            String masked = Phones.maskAll(line);
            String digits = phone.replaceAll("\\D", "");
            String last4 = digits.substring(digits.length() - 4);
            assertThat(masked).as("seed " + seed).startsWith("callSid=" + sid + " ").endsWith(", " + sid)
                    .contains(last4);
            String maskedPhone = masked.substring(("callSid=" + sid + " msg=caller said ").length(),
                    masked.length() - (", " + sid).length());
            assertThat(maskedPhone.replaceAll("[^0-9]", "")).as("seed " + seed + ": " + phone).isEqualTo(last4);
        }
    }

    private static String phone(Random r) {
        String area = String.valueOf(200 + r.nextInt(800)), ex = String.valueOf(200 + r.nextInt(800));
        String line = String.format("%04d", r.nextInt(10_000));
        return switch (r.nextInt(6)) {
            case 0 -> "(" + area + ") " + ex + "-" + line;
            case 1 -> "+1" + area + ex + line;
            case 2 -> area + "." + ex + "." + line;
            case 3 -> "+1 " + area + " " + ex + " " + line;
            case 4 -> "1-" + area + "-" + ex + "-" + line;
            default -> area + ex + line;
        };
    }
}
