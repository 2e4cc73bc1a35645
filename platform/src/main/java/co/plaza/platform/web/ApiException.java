package co.plaza.platform.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error a client caused, rendered DRF-style by {@link ApiExceptionHandler}. Messages are keys of the
 * {@code i18n/messages} bundle (Spanish by default, English with {@code Accept-Language: en}).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, List<String>> fieldErrors;
    private final Long retryAfterSeconds;

    protected ApiException(HttpStatus status, String messageKey, Object[] args,
                           Map<String, List<String>> fieldErrors, Long retryAfterSeconds) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = fieldErrors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String messageKey, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, messageKey, args, null, null);
    }

    /** 400 {@code {"field": ["message"]}}; the values of the map are message keys. */
    public static ApiException fields(Map<String, List<String>> fieldMessageKeys) {
        return new ApiException(HttpStatus.BAD_REQUEST, null, new Object[0], new LinkedHashMap<>(fieldMessageKeys), null);
    }

    public static ApiException field(String field, String messageKey) {
        return fields(Map.of(field, List.of(messageKey)));
    }

    public static ApiException unauthorized(String messageKey) {
        return new ApiException(HttpStatus.UNAUTHORIZED, messageKey, new Object[0], null, null);
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], null, null);
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "error.not_found", new Object[0], null, null);
    }

    public static ApiException conflict(String messageKey) {
        return new ApiException(HttpStatus.CONFLICT, messageKey, new Object[0], null, null);
    }

    public static ApiException tooManyRequests(String messageKey, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, messageKey, new Object[0], null, retryAfterSeconds);
    }

    public static ApiException of(HttpStatus status, String messageKey, Object... args) {
        return new ApiException(status, messageKey, args, null, null);
    }

    /** The client error behind a failure, whether thrown locally or carried back across a bus as details. */
    public static java.util.Optional<ApiException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return java.util.Optional.of(api);
            }
            if (t instanceof org.axonframework.messaging.HandlerExecutionException h
                    && h.getDetails().orElse(null) instanceof ApiErrorDetails details) {
                return java.util.Optional.of(details.toException());
            }
        }
        return java.util.Optional.empty();
    }

    /** True when the failure is a 400 naming {@code messageKey} on some field. */
    public static boolean isFieldError(Throwable failure, String messageKey) {
        return find(failure).map(e -> e.fieldErrors() != null
                && e.fieldErrors().values().stream().anyMatch(v -> v.contains(messageKey))).orElse(false);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
