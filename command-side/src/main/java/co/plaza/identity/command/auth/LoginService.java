package co.plaza.identity.command.auth;

import co.plaza.identity.api.UserCommands.ChangePasswordCommand;
import co.plaza.identity.api.UserCommands.PasswordChangeReason;
import co.plaza.identity.command.credentials.PasswordHasher;
import co.plaza.identity.command.Identifiers;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * Password login with throttling per account and per address. Every refusal looks the same (one 401), and
 * every attempt does the same hashing work (one Argon2, the legacy PBKDF2 cost) whether the account is unknown, has
 * an Argon2 hash or a migrated PBKDF2 one, so nothing tells whether an account exists or was migrated.
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final Throttle throttle;
    private final CommandGateway commands;
    private final Throttle.Limit perAccount;
    private final Throttle.Limit perAddress;

    public LoginService(Credentials credentials, PasswordHasher hasher, Throttle throttle, CommandGateway commands,
                        @Value("${plaza.auth.login.max-failures-per-account:5}") int accountMax,
                        @Value("${plaza.auth.login.max-failures-per-address:100}") int addressMax,
                        @Value("${plaza.auth.login.window:PT15M}") Duration window) {
        this.credentials = credentials;
        this.hasher = hasher;
        this.throttle = throttle;
        this.commands = commands;
        this.perAccount = new Throttle.Limit("login-account", accountMax, window, true);
        this.perAddress = new Throttle.Limit("login-address", addressMax, window, true);
    }

    /** {@code caller} is who asks (anonymous): a hash upgrade is sent as the account's user, in the caller's request. */
    public Credentials.Account authenticate(String identifier, String password, String address, Caller caller) {
        Optional<Credentials.Account> found = credentials.byLogin(identifier);
        // a hit is taken before the password is checked, so parallel guesses cannot pass the limit together
        String accountKey = accountKey(found, identifier);
        Throttle.Hit addressHit = throttle.require(perAddress, address);
        throttle.require(perAccount, accountKey, () -> throttle.giveBack(addressHit));
        // the same hashing work for an unknown, an Argon2, a legacy PBKDF2 or an unusable account
        boolean ok = hasher.verifyUniformly(password, found.map(Credentials.Account::passwordHash).orElse(null),
                credentials.legacyPbkdf2Iterations()) && found.get().canLogIn();
        if (!ok) {
            throw DomainException.unauthenticated("error.invalid_credentials");
        }
        Credentials.Account account = found.get();
        throttle.clear(perAccount, accountKey);
        throttle.giveBack(addressHit);
        if (hasher.needsUpgrade(account.passwordHash())) {
            upgrade(account, password, caller);
        }
        return account;
    }

    /**
     * The per-account key: the account's id, so its username and its email share one limit; an identifier that
     * names no account is limited by its folded form, alike and with the same answers.
     */
    private static String accountKey(Optional<Credentials.Account> account, String identifier) {
        return account.map(a -> "user:" + a.userId()).orElseGet(() -> "login:" + Identifiers.fold(identifier));
    }

    /**
     * Checks a signed-in user's password (change-password's old one) against the same per-account limit as logins,
     * so a stolen access token cannot guess the password either.
     */
    public boolean checkPassword(Credentials.Account account, String password) {
        String accountKey = accountKey(Optional.of(account), account.username());
        throttle.require(perAccount, accountKey);
        if (!hasher.verify(password, account.passwordHash())) {
            return false;
        }
        throttle.clear(perAccount, accountKey);
        return true;
    }

    /** A migrated Django hash becomes Argon2id on the first successful login; a failure here must not block login. */
    private void upgrade(Credentials.Account account, String password, Caller caller) {
        try {
            commands.sendAndWait(new ChangePasswordCommand(account.userId(), hasher.hash(password),
                    PasswordChangeReason.HASH_UPGRADED), caller.actingAs(account.userId()).metaData());
        } catch (RuntimeException e) {
            log.warn("Password hash upgrade failed for user {}; will retry on next login", account.userId(), e);
        }
    }
}
