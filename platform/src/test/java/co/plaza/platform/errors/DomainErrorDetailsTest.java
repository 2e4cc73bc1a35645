package co.plaza.platform.errors;

import co.plaza.platform.errors.DomainException.Kind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A domain error comes back from a remote handler as details only; it must be the same error there. */
class DomainErrorDetailsTest {

    private static DomainException acrossABus(DomainException thrown) {
        // Axon Server keeps the details, not the exception: the remote side sees a cause-less failure
        var remote = new CommandExecutionException("remote", null, DomainErrorDetails.of(thrown));
        return DomainException.find(remote).orElseThrow();
    }

    @Test
    void fieldErrorsKeepFieldAndKey() {
        DomainException back = acrossABus(DomainException.field("followed", "error.follow_self"));
        assertThat(back.kind()).isEqualTo(Kind.INVALID);
        assertThat(back.fieldErrors()).isEqualTo(Map.of("followed", List.of("error.follow_self")));
        var wrapped = new RuntimeException(new CommandExecutionException("remote", null,
                DomainErrorDetails.of(DomainException.field("followed", "error.follow_self"))));
        assertThat(DomainException.isFieldError(wrapped, "error.follow_self")).isTrue();
    }

    @Test
    void kindKeyArgumentsAndRetryAfterSurvive() {
        DomainException tooLarge = acrossABus(DomainException.tooLarge("error.file_too_large", 10L));
        assertThat(tooLarge.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(tooLarge.messageKey()).isEqualTo("error.file_too_large");
        assertThat(tooLarge.args()).containsExactly("10");

        DomainException throttled = acrossABus(DomainException.tooManyRequests("error.throttled", 42));
        assertThat(throttled.kind()).isEqualTo(Kind.TOO_MANY_REQUESTS);
        assertThat(throttled.retryAfterSeconds()).isEqualTo(42L);

        assertThat(acrossABus(DomainException.forbidden()).kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(DomainException.isKind(new CommandExecutionException("remote", null,
                DomainErrorDetails.of(DomainException.notFound())), Kind.NOT_FOUND)).isTrue();
    }
}
