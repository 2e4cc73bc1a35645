package co.plaza.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues and verifies access tokens: HS256 only (the decoder accepts no other algorithm, "none" included),
 * audience and issuer checked, expiry with no clock skew beyond 30 s, and the user's session epoch: a token issued
 * before a role change, deactivation, deletion or password change of its user is refused ({@link SessionEpochs}).
 */
@Component
public class TokenService {

    public static final String STAFF_CLAIM = "staff";
    /** The user's session epoch when the token was issued; a token without it (issued before epochs) counts as 0. */
    public static final String EPOCH_CLAIM = "epoch";
    public static final String ISSUER = "plaza";
    public static final String AUDIENCE = "plaza-api";

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final Duration accessTtl;
    private final Clock clock;
    private final SessionEpochs epochs;

    public TokenService(JwtKeys keys, SessionEpochs epochs, @Value("${plaza.jwt.access-ttl:PT15M}") Duration accessTtl) {
        this.epochs = epochs;
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(keys.key()));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(keys.key()).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
        OAuth2TokenValidator<Jwt> signedForUs = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)), new JwtIssuerValidator(ISSUER), audience);
        // the session check reads the database (through a cache): only for a token that is otherwise valid
        nimbus.setJwtValidator(jwt -> {
            OAuth2TokenValidatorResult result = signedForUs.validate(jwt);
            return result.hasErrors() ? result : checkSession(jwt);
        });
        this.decoder = nimbus;
        this.accessTtl = accessTtl;
        this.clock = Clock.systemUTC();
    }

    private OAuth2TokenValidatorResult checkSession(Jwt jwt) {
        long issuedIn = jwt.getClaim(EPOCH_CLAIM) instanceof Number n ? n.longValue() : 0;
        try {
            if (issuedIn >= epochs.recent(UUID.fromString(jwt.getSubject()))) {
                return OAuth2TokenValidatorResult.success();
            }
        } catch (RuntimeException e) {
            // a malformed subject, or the epoch cannot be read: refused rather than let a revoked token through
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "session ended", null));
    }

    public String issueAccessToken(UUID userId, boolean staff) {
        Instant now = clock.instant();
        long epoch = epochs.current(userId);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(java.util.List.of(AUDIENCE))
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(accessTtl))
                .id(UUID.randomUUID().toString())
                .claim(STAFF_CLAIM, staff)
                .claim(EPOCH_CLAIM, epoch)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public long accessTtlSeconds() {
        return accessTtl.toSeconds();
    }

    public JwtDecoder decoder() {
        return decoder;
    }
}
