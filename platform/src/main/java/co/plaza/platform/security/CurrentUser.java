package co.plaza.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in user as the access token names it: the security adapter behind {@code WebCallers}. Controllers
 * and everything below them use {@link co.plaza.platform.context.Caller}, never this.
 */
public record CurrentUser(UUID id, boolean staff) {

    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            Boolean staff = jwt.getClaim(TokenService.STAFF_CLAIM);
            return Optional.of(new CurrentUser(UUID.fromString(jwt.getSubject()), Boolean.TRUE.equals(staff)));
        }
        return Optional.empty();
    }
}
