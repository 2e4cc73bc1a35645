package co.plaza.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * An {@link ApiException} in a form that survives a trip through a command or query bus (Axon Server
 * serialises only the exception's details), so a split deployment answers with the same 4xx.
 */
public record ApiErrorDetails(int status, String messageKey, Map<String, List<String>> fieldErrors,
                             Long retryAfterSeconds, List<String> args) {

    /** Message arguments travel as text: that is all a message needs, and every serializer carries it. */
    public static ApiErrorDetails of(ApiException e) {
        List<String> args = e.args() == null ? List.of()
                : java.util.Arrays.stream(e.args()).map(String::valueOf).toList();
        return new ApiErrorDetails(e.status().value(), e.messageKey(), e.fieldErrors(), e.retryAfterSeconds(), args);
    }

    public ApiException toException() {
        if (fieldErrors != null) {
            return ApiException.fields(fieldErrors);
        }
        if (retryAfterSeconds != null) {
            return ApiException.tooManyRequests(messageKey, retryAfterSeconds);
        }
        return ApiException.of(HttpStatus.valueOf(status), messageKey, args == null ? new Object[0] : args.toArray());
    }
}
