package dev.bella.booking.voice;

import dev.bella.booking.store.BookingStore.BookResult;
import dev.bella.booking.store.BookingStore.Range;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** What the flow needs from the store, bound to the webhook's transaction and call. */
interface Calendar {

    List<Range> booked(Instant from, Instant to) throws SQLException;

    BookResult book(String name, String phone, Instant start, Instant end) throws SQLException;

    void promiseCallback(String phone, String reason) throws SQLException;

    /** How the caller (their own, signed number) answered yes/no in this call, for their next call. */
    void rememberAnswers(boolean bySpeech) throws SQLException;
}
