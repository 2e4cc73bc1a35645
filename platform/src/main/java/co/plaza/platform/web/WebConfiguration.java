package co.plaza.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.io.IOException;
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
                // errors written before the DispatcherServlet (security's 401/403) speak the client's language too
                LocaleContextHolder.setLocale(locales.resolveLocale(request));
                try {
                    chain.doFilter(request, response);
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
}
