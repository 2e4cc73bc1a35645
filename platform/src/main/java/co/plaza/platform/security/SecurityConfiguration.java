package co.plaza.platform.security;

import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.ApiExceptionHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Stateless bearer-token security. What anonymous callers may do is listed here once, as API.md's
 * Conventions say; object-level rules (owner or admin) live with each domain's handlers.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    /** The authority of an admin (a user with {@code is_staff}), for rules at the HTTP edge. */
    static final String ADMIN = "ROLE_ADMIN";

    /** Paths are matched after the trailing slash is stripped (see WebConfiguration). */
    static final String[] ANONYMOUS_POST = {
            "/api/auth/register", "/api/auth/login", "/api/auth/token/refresh",
            "/api/auth/password-reset/request", "/api/auth/password-reset/verify"
    };
    static final String[] ANONYMOUS_GET = {
            "/health", "/health/**", "/api/schema", "/api/schema/**", "/api/docs", "/api/docs/**",
            // springdoc serves the UI beside its entry point: /api/docs redirects to /api/swagger-ui/index.html
            "/swagger-ui/**", "/swagger-ui.html", "/api/swagger-ui/**",
            "/api/adds", "/api/adds/*", "/api/adds/nearby", "/api/categories", "/api/categories/**",
            "/api/profiles/specialists", "/api/profiles/specialists/**",
            "/api/profiles/businessmen", "/api/profiles/businessmen/**",
            "/api/foro/communities", "/api/foro/communities/*", "/api/foro/posts", "/api/foro/posts/*",
            "/api/foro/comments", "/api/foro/comments/*", "/media/**"
    };

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, TokenService tokens, ApiExceptionHandler errors,
                                           ObjectMapper mapper) throws Exception {
        http.csrf(c -> c.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, ANONYMOUS_POST).permitAll()
                        .requestMatchers(HttpMethod.GET, ANONYMOUS_GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD, ANONYMOUS_GET).permitAll()
                        .requestMatchers("/error").permitAll()
                        // the platform's metrics name hosts, processors and load: operators only
                        .requestMatchers("/prometheus", "/prometheus/**").hasAuthority(ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(tokens.decoder()).jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint((req, res, ex) ->
                                write(res, mapper, HttpStatus.UNAUTHORIZED,
                                        errors.body(DomainException.unauthenticated(req.getHeader("Authorization") == null
                                                ? "error.not_authenticated" : "error.invalid_token"))))
                        .accessDeniedHandler((req, res, ex) ->
                                write(res, mapper, HttpStatus.FORBIDDEN, errors.body(DomainException.forbidden()))))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> write(res, mapper, HttpStatus.UNAUTHORIZED,
                                errors.body(DomainException.unauthenticated("error.not_authenticated"))))
                        .accessDeniedHandler((req, res, ex) ->
                                write(res, mapper, HttpStatus.FORBIDDEN, errors.body(DomainException.forbidden()))));
        return http.build();
    }

    /** An access token's user, with the {@link #ADMIN} authority when the token says they are staff. */
    private static AbstractAuthenticationToken authentication(Jwt jwt) {
        List<GrantedAuthority> authorities = Boolean.TRUE.equals(jwt.getClaim(TokenService.STAFF_CLAIM))
                ? List.of(new SimpleGrantedAuthority(ADMIN)) : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status,
                              Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        mapper.writeValue(response.getOutputStream(), body);
    }

    /**
     * The firewall's refusals (encoded dots or slashes, NUL, {@code ..} segments): a 400 in the contract's JSON, not
     * an exception that the container turns into a 500.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ApiExceptionHandler errors) {
        return (request, response, rejected) -> errors.write(response, DomainException.invalid("error.bad_request"));
    }

    /** Origins from {@code PLAZA_CORS_ORIGINS} (comma-separated); none by default. */
    @Bean
    public CorsConfigurationSource corsConfigurationSource(@Value("${plaza.cors.origins:}") String origins) {
        CorsConfiguration config = new CorsConfiguration();
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        config.setAllowedOrigins(allowed);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Correlation-Id",
                "X-Consistency", "Accept-Language"));
        config.setExposedHeaders(List.of("ETag", "X-Correlation-Id", "X-Consistency-Stale", "Retry-After", "Location"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
