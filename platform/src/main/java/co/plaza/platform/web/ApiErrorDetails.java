package co.plaza.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * An {@link ApiException} in a form that survives a trip through a command or query bus (Axon Server
 * serialises only the exception's details), so a split deployment answers with the same 4xx.
 */
public record ApiErrorDetails(int status, String messageKey, Map<String, List<String>> fieldErrors,
                             Long retryAfterSeconds) {

    public static ApiErrorDetails of(ApiException e) {
        return new ApiErrorDetails(e.status().value(), e.messageKey(), e.fieldErrors(), e.retryAfterSeconds());
    }

    public ApiException toException() {
        if (fieldErrors != null) {
            return ApiException.fields(fieldErrors);
        }
        if (retryAfterSeconds != null) {
            return ApiException.tooManyRequests(messageKey, retryAfterSeconds);
        }
        return ApiException.of(HttpStatus.valueOf(status), messageKey);
    }
}
