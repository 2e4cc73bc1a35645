package co.plaza.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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
        return new TokenService(new JwtKeys(SECRET, dir.toString(), false), sessions, ttl);
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
        old.sign(new MACSigner(new JwtKeys(SECRET, dir.toString(), false).key()));
        assertThatThrownBy(() -> tokens.decoder().decode(old.serialize())).isInstanceOf(JwtException.class);
        JWTClaimsSet othersOld = new JWTClaimsSet.Builder(claims).subject(other.toString()).build();
        SignedJWT stillValid = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), othersOld);
        stillValid.sign(new MACSigner(new JwtKeys(SECRET, dir.toString(), false).key()));
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
        expired.sign(new MACSigner(new JwtKeys(SECRET, dir.toString(), false).key()));
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
        signed.sign(new MACSigner(new JwtKeys(SECRET, dir.toString(), false).key()));
        assertThatThrownBy(() -> tokens.decoder().decode(signed.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void shortSecretIsRejectedAndTheDevelopmentAppKeepsItsGeneratedKey() {
        assertThatThrownBy(() -> new JwtKeys("too-short", dir.toString(), true)).isInstanceOf(IllegalStateException.class);
        byte[] first = new JwtKeys("", dir.toString(), true).key().getEncoded();
        byte[] second = new JwtKeys("", dir.toString(), true).key().getEncoded();
        assertThat(second).isEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
    }

    /** The split deployables (no {@code plaza.development}) generate nothing: a missing or weak secret stops them. */
    @Test
    void outsideTheDevelopmentAppAMissingOrWeakSecretIsRefused() {
        assertThatThrownBy(() -> new JwtKeys("", dir.toString(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLAZA_JWT_SECRET is required");
        assertThatThrownBy(() -> new JwtKeys(null, dir.toString(), false)).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("jwt-secret.key")).doesNotExist();
        assertThatThrownBy(() -> new JwtKeys("0123456789abcdef0123456789abcde", dir.toString(), false))
                .as("31 bytes").hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new JwtKeys("plaza-local-only-jwt-secret-0123456789abcdef", dir.toString(), false))
                .as("the default docker-compose.yml once shipped").hasMessageContaining("published");
        assertThatThrownBy(() -> new JwtKeys("a".repeat(64), dir.toString(), false)).hasMessageContaining("repetitive");
        assertThat(new JwtKeys(SECRET, dir.toString(), false).key().getEncoded()).hasSize(SECRET.length());
    }

    /** The check runs when the context starts: a deployable without the secret does not come up. */
    @Test
    void aContextWithoutTheSecretDoesNotStart() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(JwtKeys.class)
                .withPropertyValues("plaza.data-dir=" + dir);
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("PLAZA_JWT_SECRET is required"));
        runner.withPropertyValues("plaza.jwt.secret=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtKeys.class));
        runner.withPropertyValues("plaza.development=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtKeys.class));
    }
}
