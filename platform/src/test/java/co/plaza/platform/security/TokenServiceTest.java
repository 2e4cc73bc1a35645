package co.plaza.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-plaza-test";

    @TempDir
    Path dir;

    private TokenService service(Duration ttl) {
        return new TokenService(new JwtKeys(SECRET, dir.toString()), ttl);
    }

    @Test
    void issuedTokenDecodesWithSubjectAndStaffClaim() {
        TokenService tokens = service(Duration.ofMinutes(15));
        UUID user = UUID.randomUUID();
        Jwt jwt = tokens.decoder().decode(tokens.issueAccessToken(user, true));
        assertThat(jwt.getSubject()).isEqualTo(user.toString());
        assertThat(jwt.<Boolean>getClaim(TokenService.STAFF_CLAIM)).isTrue();
        assertThat(jwt.getAudience()).containsExactly(TokenService.AUDIENCE);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        TokenService tokens = service(Duration.ofMinutes(15));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer("plaza")
                .audience("plaza-api").expirationTime(Date.from(Instant.now().minusSeconds(120))).build();
        SignedJWT expired = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        expired.sign(new MACSigner(new JwtKeys(SECRET, dir.toString()).key()));
        assertThatThrownBy(() -> tokens.decoder().decode(expired.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void unsignedAndForeignAudienceTokensAreRefused() throws Exception {
        TokenService tokens = service(Duration.ofMinutes(15));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer("plaza")
                .audience("plaza-api").expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        String none = new PlainJWT(claims).serialize();
        assertThatThrownBy(() -> tokens.decoder().decode(none)).isInstanceOf(JwtException.class);

        JWTClaimsSet otherAudience = new JWTClaimsSet.Builder(claims).audience("someone-else").build();
        SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), otherAudience);
        signed.sign(new MACSigner(new JwtKeys(SECRET, dir.toString()).key()));
        assertThatThrownBy(() -> tokens.decoder().decode(signed.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void shortSecretIsRejectedAndGeneratedKeyIsKept() {
        assertThatThrownBy(() -> new JwtKeys("too-short", dir.toString())).isInstanceOf(IllegalStateException.class);
        byte[] first = new JwtKeys("", dir.toString()).key().getEncoded();
        byte[] second = new JwtKeys("", dir.toString()).key().getEncoded();
        assertThat(second).isEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
    }
}
