package co.plaza.identity.command.auth;

import co.plaza.identity.command.Identifiers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Looks accounts up for login, password change and reset. */
@Component
public class Credentials {

    public record Account(UUID userId, String username, String passwordHash, boolean active, boolean deleted,
                          boolean staff, String phoneNumber) {
        public boolean canLogIn() {
            return active && !deleted && passwordHash != null && !passwordHash.startsWith("!");
        }
    }

    private static final RowMapper<Account> ROW = (rs, n) -> new Account(rs.getObject("user_id", UUID.class),
            rs.getString("username"), rs.getString("password_hash"), rs.getBoolean("active"),
            rs.getBoolean("deleted"), rs.getBoolean("staff"), rs.getString("phone_number"));

    private static final long LEGACY_COST_TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final JdbcTemplate jdbc;
    private volatile long legacyCost = -1;
    private volatile long legacyCostAt;

    public Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The iterations of the costliest legacy PBKDF2 hash still stored (0 when every migrated user has logged in and
     * been rehashed): what every login's verification is padded to (PasswordHasher.verifyUniformly). Read at most
     * once a minute; it only shrinks as legacy users log in.
     */
    public int legacyPbkdf2Iterations() {
        long now = System.nanoTime();
        if (legacyCost < 0 || now - legacyCostAt > LEGACY_COST_TTL_NANOS) {
            Long max = jdbc.queryForObject("""
                    SELECT max(split_part(password_hash, '$', 2)::bigint) FROM user_credentials
                    WHERE password_hash LIKE 'pbkdf2\\_sha256$%' AND split_part(password_hash, '$', 2) ~ '^[0-9]{1,9}$'""",
                    Long.class);
            legacyCost = max == null ? 0 : max;
            legacyCostAt = now;
        }
        return (int) Math.min(legacyCost, Integer.MAX_VALUE);
    }

    /** By username, or by email where that email still logs in (a migrated duplicate does not). */
    public Optional<Account> byLogin(String identifier) {
        String key = Identifiers.fold(identifier);
        return jdbc.query("""
                SELECT * FROM user_credentials
                WHERE username_key = ? OR (email_login AND email_key = ?)
                ORDER BY (username_key = ?) DESC LIMIT 1""", ROW, key, key, key).stream().findFirst();
    }

    public Optional<Account> byId(UUID userId) {
        return jdbc.query("SELECT * FROM user_credentials WHERE user_id = ?", ROW, userId).stream().findFirst();
    }

    public Optional<Account> activeByPhone(String e164) {
        return jdbc.query("""
                SELECT * FROM user_credentials WHERE phone_number = ? AND active AND NOT deleted LIMIT 1""",
                ROW, e164).stream().findFirst();
    }
}
