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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-plaza-test";

    @TempDir
    Path dir;

    /** Epochs in memory: what the session_epoch table holds in the platform. */
    private final Map<UUID, Long> epochs = new ConcurrentHashMap<>();
    private final SessionEpochs sessions = new SessionEpochs() {
        @Override
        public long current(UUID userId) {
            return epochs.getOrDefault(userId, 0L);
        }

        @Override
        public long recent(UUID userId) {
            return current(userId);
        }

        @Override
        public void advance(UUID userId) {
            epochs.merge(userId, 1L, Long::sum);
        }
    };

    private TokenService service(Duration ttl) {
        return new TokenService(new JwtKeys(SECRET, dir.toString()), sessions, ttl);
    }

    @Test
    void aTokenIssuedBeforeItsUsersEpochMovedIsRefusedAndANewOneIsNot() throws Exception {
        TokenService tokens = service(Duration.ofMinutes(15));
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String before = tokens.issueAccessToken(user, true);
        String othersToken = tokens.issueAccessToken(other, false);
        sessions.advance(user);
        assertThatThrownBy(() -> tokens.decoder().decode(before)).isInstanceOf(JwtException.class);
        assertThat(tokens.decoder().decode(othersToken).getSubject()).as("another user's tokens go on")
                .isEqualTo(other.toString());
        Jwt after = tokens.decoder().decode(tokens.issueAccessToken(user, false));
        assertThat(after.<Long>getClaim(TokenService.EPOCH_CLAIM)).isEqualTo(1L);

        // a token from before epochs existed (no claim) counts as epoch 0
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user.toString()).issuer("plaza")
                .audience("plaza-api").expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT old = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        old.sign(new MACSigner(new JwtKeys(SECRET, dir.toString()).key()));
        assertThatThrownBy(() -> tokens.decoder().decode(old.serialize())).isInstanceOf(JwtException.class);
        JWTClaimsSet othersOld = new JWTClaimsSet.Builder(claims).subject(other.toString()).build();
        SignedJWT stillValid = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), othersOld);
        stillValid.sign(new MACSigner(new JwtKeys(SECRET, dir.toString()).key()));
        assertThat(tokens.decoder().decode(stillValid.serialize()).getSubject()).isEqualTo(other.toString());
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
