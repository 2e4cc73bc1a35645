package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The errors no controller raises, in the contract's {@code {"detail": ...}} JSON whatever {@code Accept} says:
 * the servlet container's error page ({@code /error}, where {@code sendError} and exceptions out of filters land,
 * instead of Spring Boot's default JSON or its Whitelabel HTML page), and Jetty's own answers to requests it refuses
 * before any servlet sees them (a malformed URI or header, headers too large: its HTML page otherwise).
 */
public final class ContainerErrors {

    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

    private ContainerErrors() {
    }

    /** The language of a request read without Spring (Jetty answers before it): Spanish unless English is asked. */
    static Locale localeOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LANGUAGES.get(0);
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return found == null ? LANGUAGES.get(0) : found;
        } catch (IllegalArgumentException e) {
            return LANGUAGES.get(0);
        }
    }

    /** Replaces Spring Boot's BasicErrorController (it backs off when an ErrorController exists). */
    @RestController
    public static class ApiErrorController implements ErrorController {

        private final ApiExceptionHandler errors;

        public ApiErrorController(ApiExceptionHandler errors) {
            this.errors = errors;
        }

        @RequestMapping("/error")
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
                var domain = DomainException.find(failure);
                if (domain.isPresent()) {
                    return errors.render(domain.get());
                }
            }
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i && i >= 400 ? i : 500;
            return errors.statusResponse(status, HttpHeaders.EMPTY);
        }
    }

    /** Jetty's server-wide error handler: what it answers to requests refused before the servlet context. */
    @Component
    public static class JettyCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

        private final ApiExceptionHandler errors;
        private final ObjectMapper mapper;

        public JettyCustomizer(ApiExceptionHandler errors, ObjectMapper mapper) {
            this.errors = errors;
            this.mapper = mapper;
        }

        @Override
        public void customize(JettyServletWebServerFactory factory) {
            factory.addServerCustomizers(server -> server.setErrorHandler(new JsonErrorHandler(errors, mapper)));
        }
    }

    static final class JsonErrorHandler extends ErrorHandler {

        private final ApiExceptionHandler errors;
        private final ObjectMapper mapper;

        JsonErrorHandler(ApiExceptionHandler errors, ObjectMapper mapper) {
            this.errors = errors;
            this.mapper = mapper;
        }

        private byte[] json(int status, Locale locale) {
            // a Jetty thread, outside any Spring request: the locale is set for this message only
            LocaleContextHolder.setLocale(locale);
            try {
                return mapper.writeValueAsBytes(errors.statusBody(status));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            byte[] body = json(code, localeOf(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        /** A request Jetty could not even parse (bad request line, headers too large): no language to go by. */
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            return ByteBuffer.wrap(json(status, LANGUAGES.get(0)));
        }
    }
}
