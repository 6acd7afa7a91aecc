package dev.bella.booking.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallLedgerTest {

    @ParameterizedTest
    @CsvSource({"0,0.00", "1,1.00", "59,1.00", "60,1.00", "61,2.00", "150,3.00", "3600,60.00"})
    void twilioBillsEveryStartedMinute(int seconds, String minutes) {
        assertThat(CallLedger.billedMinutes(seconds)).isEqualByComparingTo(minutes);
        assertThat(CallLedger.billedMinutes(seconds).scale()).isEqualTo(2);
    }
}
