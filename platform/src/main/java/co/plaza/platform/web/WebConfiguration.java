package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

@Configuration
public class WebConfiguration {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String CORRELATION_ATTRIBUTE = "plaza.correlationId";
    private static final Pattern SAFE_CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * The client's address and the forwarded headers, before anything else reads the request. The container's
     * forwarded-header support takes the left-most {@code X-Forwarded-For} from anyone (a client writing it would
     * get fresh rate limits with every request), so a deployable configured to use it refuses to start.
     */
    @Bean
    public FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(
            @Value("${plaza.trusted-proxies:}") String trustedProxies, ServerProperties server) {
        if (server.getForwardHeadersStrategy() != ServerProperties.ForwardHeadersStrategy.NONE) {
            throw new IllegalStateException("server.forward-headers-strategy is " + server.getForwardHeadersStrategy()
                    + ": forwarded headers are read from PLAZA_TRUSTED_PROXIES only; unset SERVER_FORWARD_HEADERS_STRATEGY");
        }
        FilterRegistrationBean<ClientAddressFilter> bean = new FilterRegistrationBean<>(
                new ClientAddressFilter(TrustedProxies.parse(trustedProxies)));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /**
     * DRF paths end with '/', and the same path without it must work too: strip it before anything else
     * (security included) looks at the path, so controllers and matchers name each path once.
     */
    @Bean
    public FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        FilterRegistrationBean<UrlHandlerFilter> bean = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }

    /** Correlation id and locale for the whole request. Correlation id from {@code X-Correlation-Id} (else new), echoed on the response and put in the logs. */
    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> correlationFilter(LocaleResolver locales) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String given = request.getHeader(CORRELATION_HEADER);
                String id = given != null && SAFE_CORRELATION.matcher(given).matches() ? given : UUID.randomUUID().toString();
                request.setAttribute(CORRELATION_ATTRIBUTE, id);
                response.setHeader(CORRELATION_HEADER, id);
                MDC.put("correlation_id", id);
                // errors written before the DispatcherServlet (security's 401/403) speak the client's language too;
                // Spring's RequestContextFilter sets the locale again from request.getLocale() (the JVM's locale when
                // no Accept-Language is given), so the request reports the resolved one
                Locale locale = locales.resolveLocale(request);
                LocaleContextHolder.setLocale(locale);
                HttpServletRequest localized = new HttpServletRequestWrapper(request) {
                    @Override
                    public Locale getLocale() {
                        return locale;
                    }

                    @Override
                    public Enumeration<Locale> getLocales() {
                        return Collections.enumeration(List.of(locale));
                    }
                };
                try {
                    chain.doFilter(localized, response);
                } finally {
                    MDC.remove("correlation_id");
                    LocaleContextHolder.resetLocaleContext();
                }
            }
        });
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return bean;
    }

    /** Spanish unless the client asks for English. */
    @Bean
    public LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.forLanguageTag("es"));
        resolver.setSupportedLocales(List.of(Locale.forLanguageTag("es"), Locale.ENGLISH));
        return resolver;
    }

    /**
     * Every JSON body is read by {@link JsonBodyReader}, first among the converters, with its size cap
     * ({@code PLAZA_MAX_JSON_BODY}, 1 MiB by default).
     */
    @Bean
    public WebMvcConfigurer jsonBodies(ObjectMapper mapper, @Value("${plaza.web.max-json-body:1MB}") DataSize max) {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(0, new JsonBodyReader(mapper, max.toBytes()));
            }
        };
    }

    /**
     * What the headers already tell, refused before anything reads the body or parses the Accept header: a body
     * declared larger than its cap (multipart: the servlet's request limit; anything else: the JSON cap) is a 413
     * at once, and an {@code Accept} no one can parse ({@code *}{@code /*;q=abc}) means "anything", as if absent,
     * rather than failing every layer that negotiates (it was a 500 with an empty body).
     */
    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> requestHeadersFilter(
            ApiExceptionHandler errors,
            @Value("${plaza.web.max-json-body:1MB}") DataSize maxJson,
            @Value("${spring.servlet.multipart.max-request-size:320MB}") DataSize maxMultipart) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String type = request.getContentType();
                boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
                long cap = multipart ? maxMultipart.toBytes() : maxJson.toBytes();
                if (request.getContentLengthLong() > cap) {
                    errors.write(response, multipart ? DomainException.tooLarge("error.request_too_large")
                            : DomainException.tooLarge("error.body_too_large", cap / 1024));
                    return;
                }
                chain.doFilter(acceptable(request) ? request : new AnyAccept(request), response);
            }
        });
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 3); // after the correlation filter: its refusals are localized
        return bean;
    }

    private static boolean acceptable(HttpServletRequest request) {
        for (Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT); values.hasMoreElements(); ) {
            try {
                MediaType.parseMediaTypes(values.nextElement());
            } catch (IllegalArgumentException e) { // InvalidMediaTypeException among others
                return false;
            }
        }
        return true;
    }

    /** The request with its unparseable Accept header read as {@code *}{@code /*}. */
    private static final class AnyAccept extends HttpServletRequestWrapper {

        AnyAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.ALL_VALUE))
                    : super.getHeaders(name);
        }
    }
}
