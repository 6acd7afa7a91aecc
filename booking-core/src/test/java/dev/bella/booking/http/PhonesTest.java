package dev.bella.booking.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void masksAllButTheLastFourDigits() {
        assertThat(Phones.mask("+15551234567")).isEqualTo("+*******4567");
        assertThat(Phones.mask("5551234567")).isEqualTo("******4567");
        assertThat(Phones.mask("+442071234567")).isEqualTo("+********4567");
        assertThat(Phones.mask("123")).isEqualTo("****");
    }

    @Test
    void masksNumbersInsideFreeText() {
        assertThat(Phones.maskAll("call me at 555-123-4567 or +15559876543 at 3pm on 2030-01-07"))
                .isEqualTo("call me at ***-***-4567 or +*******6543 at 3pm on 2030-01-07");
    }

    @Test
    void jsonLinesEscapeControlCharacters() {
        StringBuilder out = new StringBuilder();
        JsonLineLayout.escape(out, "a\"b\\c\nd\u0001");
        assertThat(out.toString()).isEqualTo("a\\\"b\\\\c\\nd\\u0001");
    }
}
