package co.plaza.platform.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An error the caller caused, raised by domain code whatever edge the command came through (HTTP, WebSocket, the
 * ETL). It says what kind of refusal it is, not how an edge shows it: the HTTP edge maps {@link Kind} to a status and
 * renders the DRF-shaped body in one place (platform.web.ApiExceptionHandler). Messages are keys of the
 * {@code i18n/messages} bundle.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal; every edge answers each kind the same way every time. */
    public enum Kind {
        /** The input is wrong: a message, or messages per field. */
        INVALID,
        /** Nobody, or nobody recognisable, is calling. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** No such object (or one the caller may not see). */
        NOT_FOUND,
        /** The act is not offered (e.g. an HTTP method a path does not take). */
        NOT_ALLOWED,
        /** The object's state (or version) forbids the act now. */
        CONFLICT,
        /** Too many attempts; see {@link #retryAfterSeconds()}. */
        TOO_MANY_REQUESTS,
        /** The content is larger than allowed. */
        TOO_LARGE,
        /** The content is of a type not accepted. */
        UNSUPPORTED_TYPE
    }

    /** Where a message not about one field goes, as DRF names it. */
    public static final String NON_FIELD_ERRORS = "non_field_errors";

    private final Kind kind;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, List<String>> fieldErrors;
    private final Long retryAfterSeconds;

    protected DomainException(Kind kind, String messageKey, Object[] args, Map<String, List<String>> fieldErrors,
                              Long retryAfterSeconds) {
        super(messageKey != null ? messageKey : String.valueOf(fieldErrors));
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args;
        this.fieldErrors = fieldErrors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static DomainException of(Kind kind, String messageKey, Object... args) {
        return new DomainException(kind, messageKey, args, null, null);
    }

    public static DomainException invalid(String messageKey, Object... args) {
        return of(Kind.INVALID, messageKey, args);
    }

    /** Invalid input, {@code {"field": ["message"]}}; the values of the map are message keys. */
    public static DomainException fields(Map<String, List<String>> fieldMessageKeys) {
        return new DomainException(Kind.INVALID, null, new Object[0], new LinkedHashMap<>(fieldMessageKeys), null);
    }

    public static DomainException field(String field, String messageKey) {
        return fields(Map.of(field, List.of(messageKey)));
    }

    public static DomainException unauthenticated(String messageKey) {
        return of(Kind.UNAUTHENTICATED, messageKey);
    }

    public static DomainException forbidden() {
        return of(Kind.FORBIDDEN, "error.forbidden");
    }

    public static DomainException notFound() {
        return of(Kind.NOT_FOUND, "error.not_found");
    }

    public static DomainException conflict(String messageKey) {
        return of(Kind.CONFLICT, messageKey);
    }

    public static DomainException tooManyRequests(String messageKey, long retryAfterSeconds) {
        return new DomainException(Kind.TOO_MANY_REQUESTS, messageKey, new Object[0], null, retryAfterSeconds);
    }

    public static DomainException tooLarge(String messageKey, Object... args) {
        return of(Kind.TOO_LARGE, messageKey, args);
    }

    public static DomainException unsupportedType(String messageKey, Object... args) {
        return of(Kind.UNSUPPORTED_TYPE, messageKey, args);
    }

    /** The domain error behind a failure, whether thrown locally or carried back across a bus as details. */
    public static Optional<DomainException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return Optional.of(domain);
            }
            if (t instanceof org.axonframework.messaging.HandlerExecutionException h
                    && h.getDetails().orElse(null) instanceof DomainErrorDetails details) {
                return Optional.of(details.toException());
            }
        }
        return Optional.empty();
    }

    /** True when the failure is a domain error of this kind. */
    public static boolean isKind(Throwable failure, Kind kind) {
        return find(failure).map(e -> e.kind() == kind).orElse(false);
    }

    /** True when the failure is invalid input naming {@code messageKey} on some field. */
    public static boolean isFieldError(Throwable failure, String messageKey) {
        return find(failure).map(e -> e.fieldErrors() != null
                && e.fieldErrors().values().stream().anyMatch(v -> v.contains(messageKey))).orElse(false);
    }

    public Kind kind() {
        return kind;
    }

    /** The message when the error is not about fields; null for field errors. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    /** Message keys per field, or null when the error has one message. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
