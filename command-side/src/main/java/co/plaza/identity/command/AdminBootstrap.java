package co.plaza.identity.command;

import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserCommands.RegisterUserCommand;
import co.plaza.identity.command.credentials.PasswordHasher;
import co.plaza.identity.command.credentials.PasswordPolicy;
import co.plaza.platform.axon.Races;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Creates the bootstrap admin from {@code PLAZA_ADMIN_USERNAME}/{@code PLAZA_ADMIN_PASSWORD} when both are
 * set and that username is free. Its id is derived from the username, so a restart (or a second instance)
 * collides on the same aggregate instead of creating a twin.
 */
@Component
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final UUID NAMESPACE = UUID.fromString("0c5d2b1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e");

    private final CommandGateway commands;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final String username;
    private final String password;

    public AdminBootstrap(CommandGateway commands, PasswordHasher hasher, PasswordPolicy policy,
                          @Value("${PLAZA_ADMIN_USERNAME:}") String username,
                          @Value("${PLAZA_ADMIN_PASSWORD:}") String password) {
        this.commands = commands;
        this.hasher = hasher;
        this.policy = policy;
        this.username = Identifiers.nfc(username);
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createAdmin() {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            return;
        }
        if (!Identifiers.isValidUsername(username)) {
            log.error("PLAZA_ADMIN_USERNAME is not a valid username; no admin created");
            return;
        }
        List<String> problems = policy.validate(password, username);
        if (!problems.isEmpty()) {
            log.error("PLAZA_ADMIN_PASSWORD does not meet the password rules ({}); no admin created", problems);
            return;
        }
        UUID id = co.plaza.common.api.LegacyIds.nameBased(NAMESPACE, Identifiers.fold(username));
        try {
            commands.sendAndWait(new RegisterUserCommand(id, null, username, "", null, hasher.hash(password), "", "",
                    Role.CONSUMER, true, true, Instant.now().truncatedTo(ChronoUnit.MICROS), false),
                    Caller.system().metaData());
            log.info("Bootstrap admin '{}' created", username);
        } catch (RuntimeException e) {
            if (DomainException.isFieldError(e, "error.username_taken") || Races.isConcurrencyConflict(e)) {
                log.info("Bootstrap admin '{}' already exists", username);
            } else {
                throw e;
            }
        }
    }
}
