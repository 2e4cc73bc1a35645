package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place errors become DRF-shaped bodies; nothing reaches a client as a stack trace. Every error is JSON
 * whatever the client's {@code Accept} says (the content type is set before negotiation), and the layers before
 * Spring MVC (filters, the security firewall, the servlet container's error page, Jetty itself) answer through
 * {@link #write} and {@link #statusResponse} with the same bodies.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;
    private final ObjectMapper mapper;

    public ApiExceptionHandler(MessageSource messages, ObjectMapper mapper) {
        this.messages = messages;
        this.mapper = mapper;
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<Map<String, Object>> domain(DomainException e) {
        return render(e);
    }

    /** Command handlers throw DomainException; Axon wraps it when the command crosses a bus. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Map<String, Object>> command(CommandExecutionException e) {
        return unwrap(e);
    }

    @ExceptionHandler(QueryExecutionException.class)
    public ResponseEntity<Map<String, Object>> query(QueryExecutionException e) {
        return unwrap(e);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<Map<String, Object>> staleVersion(ConflictingAggregateVersionException e) {
        return render(DomainException.conflict("error.stale_version"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Map<String, Object>> aggregateNotFound(AggregateNotFoundException e) {
        return render(DomainException.notFound());
    }

    @ExceptionHandler(JSR303ViolationException.class)
    public ResponseEntity<Map<String, Object>> violation(JSR303ViolationException e) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        e.getViolations().forEach(v -> fields.computeIfAbsent(v.getPropertyPath().toString(), k -> new ArrayList<>())
                .add(v.getMessage()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new LinkedHashMap<>(fields));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            String key = mismatch instanceof InvalidFormatException ? "error.invalid_value" : "error.invalid_type";
            return render(DomainException.field(field == null ? DomainException.NON_FIELD_ERRORS : field, key));
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return render(DomainException.invalid("error.malformed_json"));
        }
        return render(DomainException.invalid("error.malformed_json"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return render(DomainException.field(e.getName(), "error.invalid_value"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Map<String, Object>> missingParam(MissingServletRequestParameterException e) {
        return render(DomainException.field(e.getParameterName(), "error.required"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return render(DomainException.of(DomainException.Kind.NOT_ALLOWED, "error.method_not_allowed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return render(DomainException.unsupportedType("error.unsupported_media_type"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return render(DomainException.tooLarge("error.too_large"));
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        return render(DomainException.invalid("error.malformed_multipart"));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    public ResponseEntity<Map<String, Object>> noHandler(Exception e) {
        return render(DomainException.notFound());
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return render(DomainException.forbidden());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        // a client error from a local query handler arrives wrapped in the query future's CompletionException
        var api = DomainException.find(e);
        if (api.isPresent()) {
            return render(api.get());
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (406 Not Acceptable, a missing header or part...): their status, our body
            return statusResponse(spring.getStatusCode().value(), spring.getHeaders());
        }
        if (co.plaza.platform.axon.Races.isConcurrencyConflict(e)) {
            // another request changed or created the same aggregate first
            return render(DomainException.conflict("error.conflict"));
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return statusResponse(HttpStatus.INTERNAL_SERVER_ERROR.value(), HttpHeaders.EMPTY);
    }

    private ResponseEntity<Map<String, Object>> unwrap(Exception e) {
        var api = DomainException.find(e);
        if (api.isPresent()) {
            return render(api.get());
        }
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof ConflictingAggregateVersionException) {
                return render(DomainException.conflict("error.stale_version"));
            }
            if (cause instanceof AggregateNotFoundException) {
                return render(DomainException.notFound());
            }
            cause = cause.getCause();
        }
        if (co.plaza.platform.axon.Races.isConcurrencyConflict(e)) {
            return render(DomainException.conflict("error.conflict"));
        }
        log.error("Command or query failed", e);
        return statusResponse(HttpStatus.INTERNAL_SERVER_ERROR.value(), HttpHeaders.EMPTY);
    }

    /** The one mapping of a domain error's kind to an HTTP status. */
    public static HttpStatus status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
    }

    public ResponseEntity<Map<String, Object>> render(DomainException e) {
        Map<String, Object> body = body(e);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status(e.kind())).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return builder.body(body);
    }

    /** An error known only by its HTTP status (Spring's, the container's): {@code {"detail": ...}} saying what it is. */
    public ResponseEntity<Map<String, Object>> statusResponse(int status, HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.remove(HttpHeaders.CONTENT_TYPE);
        out.setContentType(MediaType.APPLICATION_JSON);
        return ResponseEntity.status(status).headers(out).body(statusBody(status));
    }

    public Map<String, Object> statusBody(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", message(statusMessage(status)));
        return body;
    }

    /** The message key of an error that has only a status. */
    public static String statusMessage(int status) {
        return switch (status) {
            case 401 -> "error.not_authenticated";
            case 403 -> "error.forbidden";
            case 404 -> "error.not_found";
            case 405 -> "error.method_not_allowed";
            case 406 -> "error.not_acceptable";
            case 408 -> "error.request_timeout";
            case 413 -> "error.request_too_large";
            case 414 -> "error.uri_too_long";
            case 415 -> "error.unsupported_media_type";
            case 416 -> "error.range_not_satisfiable";
            case 429 -> "error.too_many_requests";
            case 431 -> "error.headers_too_large";
            default -> status >= 500 ? "error.internal" : "error.bad_request";
        };
    }

    /** Writes the error on a raw response, for the layers that answer before Spring MVC (filters, security). */
    public void write(HttpServletResponse response, DomainException e) throws IOException {
        write(response, status(e.kind()).value(), body(e));
    }

    public void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }

    public Map<String, Object> body(DomainException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (e.fieldErrors() != null) {
            e.fieldErrors().forEach((field, keys) -> body.put(field, keys.stream().map(this::message).toList()));
        } else {
            body.put("detail", message(e.messageKey(), e.args()));
        }
        return body;
    }

    public String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
