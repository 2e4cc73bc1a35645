package co.plaza.platform.axon;

import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures park an event (its own) and which a processor waits out (ADR 0015). */
class EventFailuresTest {

    private static SQLException postgres(String state) {
        return new SQLException("ERROR from PostgreSQL", state);
    }

    @Test
    void theEventsOwnFailuresAreNotTransient() {
        assertThat(EventFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(EventFailures.isTransient(new DuplicateKeyException("dup", postgres("23505")))).isFalse();
        // invalid byte sequence for encoding "UTF8": 0x00
        assertThat(EventFailures.isTransient(new DataIntegrityViolationException("nul", postgres("22021")))).isFalse();
        assertThat(EventFailures.isTransient(new UncategorizedSQLException("aborted", "UPDATE", postgres("25P02")))).isFalse();
        assertThat(EventFailures.isTransient(new DeadLetterIsolation.HandlerFailed(new NullPointerException()))).isFalse();
    }

    @Test
    void outagesAndContentionAreTransient() {
        assertThat(EventFailures.isTransient(new CannotGetJdbcConnectionException("down", postgres("08001")))).isTrue();
        assertThat(EventFailures.isTransient(new UncategorizedSQLException("x", "x", postgres("40P01")))).isTrue();
        assertThat(EventFailures.isTransient(new UncategorizedSQLException("x", "x", postgres("57P01")))).isTrue();
        assertThat(EventFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(EventFailures.isTransient(new UncheckedIOException(new ConnectException("Elasticsearch down")))).isTrue();
        assertThat(EventFailures.isTransient(new DeadLetterIsolation.HandlerFailed(new QueryTimeoutException("slow")))).isTrue();
        assertThat(EventFailures.isTransient(new UnableToClaimTokenException("claimed elsewhere"))).isTrue();
    }

    @Test
    void aStoredCauseIsShortAndHasNoNul() {
        var cause = DeadLetterIsolation.cause(new DeadLetterIsolation.HandlerFailed(
                new IllegalArgumentException("bad \u0000 name " + "x".repeat(2000))));
        assertThat(cause.type()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(cause.message()).startsWith("bad \uFFFD name").doesNotContain("\u0000").hasSize(1023);
    }
}
