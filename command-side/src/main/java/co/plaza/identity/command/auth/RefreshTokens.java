package co.plaza.identity.command.auth;

import co.plaza.platform.errors.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opaque refresh tokens, stored as SHA-256 hashes and rotated on every use. A token used twice means it
 * leaked: the whole family (that login) is revoked. A family ends 30 days after its login, rotations included.
 */
@Component
public class RefreshTokens {

    public record Rotation(UUID userId, String token) {
    }

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(JdbcTemplate jdbc, @Value("${plaza.auth.refresh-ttl:P30D}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    /** A new family (a login): it lives {@code plaza.auth.refresh-ttl} from now, however often it is rotated. */
    public String issue(UUID userId) {
        return insert(userId, UUID.randomUUID(), Instant.now().plus(ttl));
    }

    private String insert(UUID userId, UUID family, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("""
                INSERT INTO refresh_token (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), family, userId, hash(token),
                Timestamp.from(Instant.now()), Timestamp.from(expiresAt));
        return token;
    }

    /** @throws DomainException 401 for an unknown, expired, revoked or reused token */
    @Transactional(noRollbackFor = DomainException.class)
    public Rotation rotate(String token) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, family_id, user_id, expires_at, used_at, revoked_at FROM refresh_token WHERE token_hash = ? FOR UPDATE",
                hash(token));
        if (rows.isEmpty()) {
            throw DomainException.unauthenticated("error.invalid_refresh");
        }
        Map<String, Object> row = rows.get(0);
        UUID family = (UUID) row.get("family_id");
        if (row.get("used_at") != null) {
            revokeFamily(family);
            throw DomainException.unauthenticated("error.invalid_refresh");
        }
        Instant expiresAt = ((Timestamp) row.get("expires_at")).toInstant();
        if (row.get("revoked_at") != null || expiresAt.isBefore(Instant.now())) {
            throw DomainException.unauthenticated("error.invalid_refresh");
        }
        jdbc.update("UPDATE refresh_token SET used_at = now() WHERE id = ?", row.get("id"));
        UUID userId = (UUID) row.get("user_id");
        // the lifetime is absolute (API.md: 30 days from login): the rotated token ends when the one it replaces did
        return new Rotation(userId, insert(userId, family, expiresAt));
    }

    /** Logout: the token and its family end; answers false for a token that is not the caller's. */
    public boolean revoke(String token, UUID userId) {
        List<UUID> families = jdbc.queryForList("SELECT family_id FROM refresh_token WHERE token_hash = ? AND user_id = ?",
                UUID.class, hash(token), userId);
        families.forEach(this::revokeFamily);
        return !families.isEmpty();
    }

    public void revokeAll(UUID userId) {
        jdbc.update("UPDATE refresh_token SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL", userId);
    }

    private void revokeFamily(UUID family) {
        jdbc.update("UPDATE refresh_token SET revoked_at = now() WHERE family_id = ? AND revoked_at IS NULL", family);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
