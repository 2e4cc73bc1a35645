package co.plaza.identity.command.auth;

import co.plaza.platform.axon.Policy;
import co.plaza.identity.command.Identifiers;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserDetailsUpdatedEvent;
import co.plaza.identity.api.UserEvents.UserPasswordChangedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserEvents.UserRoleChangedEvent;
import co.plaza.identity.api.UserCommands.PasswordChangeReason;
import co.plaza.platform.security.SessionEpochs;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What login needs to know about a user, updated in the same transaction as the user's events (the
 * "credentials" group is subscribing), so an account logs in as soon as registration answers; and the user's session
 * epoch, moved by every change that must end the access tokens issued before it, in the same transaction.
 */
@Component
@Policy(name = "credentials", subscribing = true)
public class CredentialsProjection {

    private final JdbcTemplate jdbc;
    private final RefreshTokens refreshTokens;
    private final SessionEpochs sessions;

    public CredentialsProjection(JdbcTemplate jdbc, RefreshTokens refreshTokens, SessionEpochs sessions) {
        this.jdbc = jdbc;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
    }

    @EventHandler
    void on(UserRegisteredEvent e) {
        jdbc.update("""
                INSERT INTO user_credentials (user_id, username, username_key, email_key, email_login, phone_number,
                    password_hash, active, staff)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO NOTHING""",
                e.userId(), e.username(), Identifiers.fold(e.username()), Identifiers.fold(e.email()),
                e.emailLogin() && e.email() != null && !e.email().isBlank(), e.phoneNumber(), e.passwordHash(),
                e.active(), e.staff());
    }

    @EventHandler
    void on(UserDetailsUpdatedEvent e) {
        jdbc.update("""
                UPDATE user_credentials SET username = ?, username_key = ?,
                    email_login = CASE WHEN email_key IS DISTINCT FROM ? THEN ? ELSE email_login END,
                    email_key = ?, phone_number = ?
                WHERE user_id = ?""",
                e.username(), Identifiers.fold(e.username()), Identifiers.fold(e.email()),
                e.email() != null && !e.email().isBlank(), Identifiers.fold(e.email()), e.phoneNumber(), e.userId());
    }

    @EventHandler
    void on(UserPasswordChangedEvent e) {
        jdbc.update("UPDATE user_credentials SET password_hash = ? WHERE user_id = ?", e.passwordHash(), e.userId());
        // a hash upgraded at login is the same password: the user's sessions go on
        if (e.reason() != PasswordChangeReason.HASH_UPGRADED) {
            sessions.advance(e.userId());
        }
    }

    /** The role and staff claims of older tokens are wrong now. */
    @EventHandler
    void on(UserRoleChangedEvent e) {
        sessions.advance(e.userId());
    }

    @EventHandler
    void on(UserDeactivatedEvent e) {
        jdbc.update("UPDATE user_credentials SET active = FALSE WHERE user_id = ?", e.userId());
        // API.md: deactivation revokes every refresh token, so a later reactivation does not revive old sessions
        refreshTokens.revokeAll(e.userId());
        sessions.advance(e.userId());
    }

    @EventHandler
    void on(UserReactivatedEvent e) {
        jdbc.update("UPDATE user_credentials SET active = TRUE WHERE user_id = ?", e.userId());
    }

    @EventHandler
    void on(UserDeletedEvent e) {
        jdbc.update("""
                UPDATE user_credentials SET active = FALSE, deleted = TRUE, email_key = NULL, email_login = FALSE,
                    phone_number = NULL, password_hash = NULL
                WHERE user_id = ?""", e.userId());
        refreshTokens.revokeAll(e.userId());
        sessions.advance(e.userId());
    }
}
