package co.plaza.platform.errors;

import java.util.List;
import java.util.Map;

/**
 * A {@link DomainException} in a form that survives a trip through a command or query bus (Axon Server
 * serialises only the exception's details), so a split deployment answers with the same error.
 */
public record DomainErrorDetails(DomainException.Kind kind, String messageKey, Map<String, List<String>> fieldErrors,
                                 Long retryAfterSeconds, List<String> args) {

    /** Message arguments travel as text: that is all a message needs, and every serializer carries it. */
    public static DomainErrorDetails of(DomainException e) {
        List<String> args = java.util.Arrays.stream(e.args()).map(String::valueOf).toList();
        return new DomainErrorDetails(e.kind(), e.messageKey(), e.fieldErrors(), e.retryAfterSeconds(), args);
    }

    public DomainException toException() {
        if (fieldErrors != null) {
            return DomainException.fields(fieldErrors);
        }
        if (retryAfterSeconds != null) {
            return DomainException.tooManyRequests(messageKey, retryAfterSeconds);
        }
        return DomainException.of(kind, messageKey, args == null ? new Object[0] : args.toArray());
    }
}
