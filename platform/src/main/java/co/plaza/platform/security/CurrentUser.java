package co.plaza.platform.security;

import co.plaza.platform.errors.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.UUID;

/** The caller as the access token names it. */
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

    public static CurrentUser required() {
        return get().orElseThrow(() -> DomainException.unauthenticated("error.not_authenticated"));
    }

    /** Object-level authorization: the owner or an admin. */
    public boolean mayChange(UUID ownerId) {
        return staff || id.equals(ownerId);
    }

    public void requireOwnerOrStaff(UUID ownerId) {
        if (!mayChange(ownerId)) {
            throw DomainException.forbidden();
        }
    }
}
