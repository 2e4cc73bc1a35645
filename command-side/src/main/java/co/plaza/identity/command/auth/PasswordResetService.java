package co.plaza.identity.command.auth;

import co.plaza.identity.api.UserCommands.ChangePasswordCommand;
import co.plaza.identity.api.UserCommands.PasswordChangeReason;
import co.plaza.identity.command.credentials.OneTimeCodes;
import co.plaza.identity.command.credentials.PasswordHasher;
import co.plaza.identity.command.credentials.PasswordPolicy;
import co.plaza.identity.command.credentials.SmsSender;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Password reset by SMS: a 6-digit code, stored hashed, valid 10 minutes, single use, 5 tries. A request
 * answers the same, and as fast, whether the number belongs to someone or not: the SMS leaves in the
 * background, and requests beyond the per-number and per-address limits send nothing (SMS pumping costs money).
 */
@Service
public class PasswordResetService {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
    static final int MAX_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final Credentials credentials;
    private final OneTimeCodes codes;
    private final SmsSender sms;
    private final Executor smsExecutor;
    private final Throttle throttle;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final CommandGateway commands;
    private final RefreshTokens refreshTokens;
    private final Duration codeTtl;
    private final Throttle.Limit perPhone;
    private final Throttle.Limit perAddress;

    public PasswordResetService(JdbcTemplate jdbc, Credentials credentials, OneTimeCodes codes, SmsSender sms,
                                @Qualifier("smsExecutor") Executor smsExecutor, Throttle throttle,
                                PasswordHasher hasher, PasswordPolicy policy, CommandGateway commands,
                                RefreshTokens refreshTokens,
                                @Value("${plaza.auth.reset.code-ttl:PT10M}") Duration codeTtl,
                                @Value("${plaza.auth.reset.max-per-phone:3}") int maxPerPhone,
                                @Value("${plaza.auth.reset.max-per-address:20}") int maxPerAddress,
                                @Value("${plaza.auth.reset.window:PT1H}") Duration window) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.codes = codes;
        this.sms = sms;
        this.smsExecutor = smsExecutor;
        this.throttle = throttle;
        this.hasher = hasher;
        this.policy = policy;
        this.commands = commands;
        this.refreshTokens = refreshTokens;
        this.codeTtl = codeTtl;
        this.perPhone = new Throttle.Limit("sms-phone", maxPerPhone, window, false);
        this.perAddress = new Throttle.Limit("sms-address", maxPerAddress, window, false);
    }

    /** @param phone E.164, or null when the given number could not be parsed */
    public void request(String phone, String address) {
        // only requests under the limits count, and one over the address's limit spends nothing of the number's
        boolean limited = !throttle.hit(perAddress, address).allowed();
        if (phone == null) {
            return;
        }
        limited = limited || !throttle.hit(perPhone, phone).allowed();
        if (limited) {
            log.info("Password reset SMS suppressed by rate limit");
            return;
        }
        // a number nobody holds gets a decoy code that nobody is told, so verifying answers alike for every number
        Optional<UUID> holder = credentials.activeByPhone(phone).map(Credentials.Account::userId);
        String code = codes.newCode();
        jdbc.update("""
                INSERT INTO password_reset_code (phone_number, user_id, code_hash, expires_at, attempts, used_at)
                VALUES (?, ?, ?, ?, 0, NULL)
                ON CONFLICT (phone_number) DO UPDATE SET user_id = EXCLUDED.user_id, code_hash = EXCLUDED.code_hash,
                    expires_at = EXCLUDED.expires_at, attempts = 0, used_at = NULL""",
                phone, holder.orElse(null), codes.hash(code, phone), Timestamp.from(Instant.now().plus(codeTtl)));
        holder.ifPresent(account -> {
            String body = "Plaza: tu código para restablecer la contraseña es " + code + " . Vence en "
                    + codeTtl.toMinutes() + " minutos.";
            smsExecutor.execute(() -> {
                try {
                    sms.send(phone, body);
                } catch (RuntimeException e) {
                    log.error("Password reset SMS could not be sent", e);
                }
            });
        });
    }

    /**
     * Checks the new password before anything about the number, so a weak password neither spends an attempt nor
     * answers differently for a number that has an account. A code of an account deactivated or deleted since is
     * answered as a wrong one: nothing says what became of the account, and nothing is reset.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public void verify(String phone, String code, String newPassword, Caller caller) {
        requireStrong(newPassword);
        if (phone == null) {
            throw DomainException.invalid("error.invalid_code");
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT user_id, code_hash, expires_at, attempts, used_at FROM password_reset_code WHERE phone_number = ? FOR UPDATE",
                phone);
        if (rows.isEmpty()) {
            throw DomainException.invalid("error.invalid_code");
        }
        Map<String, Object> row = rows.get(0);
        int attempts = ((Number) row.get("attempts")).intValue();
        Instant expires = ((Timestamp) row.get("expires_at")).toInstant();
        if (row.get("used_at") != null || expires.isBefore(Instant.now())) {
            throw DomainException.invalid("error.invalid_code");
        }
        if (attempts >= MAX_ATTEMPTS) {
            throw DomainException.tooManyRequests("error.code_attempts_exhausted",
                    Math.max(1, Duration.between(Instant.now(), expires).toSeconds()));
        }
        UUID userId = (UUID) row.get("user_id");
        Optional<Credentials.Account> account = userId == null ? Optional.empty()
                : credentials.byId(userId).filter(a -> a.active() && !a.deleted());
        if (!codes.matches(code, phone, (String) row.get("code_hash")) || account.isEmpty()) {
            jdbc.update("UPDATE password_reset_code SET attempts = attempts + 1 WHERE phone_number = ?", phone);
            throw DomainException.invalid("error.invalid_code");
        }
        // whoever holds the right code may hear that the password is too like the account's username
        requireStrong(newPassword, account.get().username());
        jdbc.update("UPDATE password_reset_code SET used_at = now() WHERE phone_number = ?", phone);
        commands.sendAndWait(new ChangePasswordCommand(userId, hasher.hash(newPassword), PasswordChangeReason.RESET),
                caller.actingAs(userId).metaData());
        refreshTokens.revokeAll(userId);
    }

    private void requireStrong(String newPassword, String... userAttributes) {
        List<String> problems = policy.validate(newPassword, userAttributes);
        if (!problems.isEmpty()) {
            throw DomainException.fields(Map.of("new_password", problems.stream().map(c -> "error." + c).toList()));
        }
    }
}
