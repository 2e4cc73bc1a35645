package co.plaza.identity.command.web;

import co.plaza.identity.command.auth.Credentials;
import co.plaza.identity.command.auth.LoginService;
import co.plaza.identity.command.auth.RefreshTokens;
import co.plaza.identity.command.auth.RegistrationLimit;

import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserCommands.ChangePasswordCommand;
import co.plaza.identity.api.UserCommands.PasswordChangeReason;
import co.plaza.identity.api.UserCommands.RegisterUserCommand;
import co.plaza.identity.api.UserQueries.FindUserQuery;
import co.plaza.identity.api.UserQueries.UserView;
import co.plaza.identity.api.UserRepresentation;
import co.plaza.identity.command.credentials.NormalizedPhone;
import co.plaza.identity.command.credentials.PasswordHasher;
import co.plaza.identity.command.credentials.PasswordPolicy;
import co.plaza.identity.command.credentials.PhoneNumbers;
import co.plaza.identity.command.Identifiers;
import co.plaza.platform.axon.Races;
import co.plaza.platform.context.Caller;
import co.plaza.platform.security.TokenService;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.WriteAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API.md, Auth: registration, login, token refresh, logout and password change. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final CommandGateway commands;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final PhoneNumbers phones;
    private final LoginService logins;
    private final RefreshTokens refreshTokens;
    private final TokenService tokens;
    private final Credentials credentials;
    private final WriteAnswers answers;
    private final MessageSource messages;
    private final RegistrationLimit registrations;

    public AuthController(CommandGateway commands, PasswordHasher hasher, PasswordPolicy policy, PhoneNumbers phones,
                          LoginService logins, RefreshTokens refreshTokens, TokenService tokens,
                          Credentials credentials, WriteAnswers answers, MessageSource messages,
                          RegistrationLimit registrations) {
        this.commands = commands;
        this.hasher = hasher;
        this.policy = policy;
        this.phones = phones;
        this.logins = logins;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.credentials = credentials;
        this.answers = answers;
        this.messages = messages;
        this.registrations = registrations;
    }

    @PostMapping("/register")
    public ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) JsonNode body, Caller caller,
                                                        HttpServletRequest request, HttpServletResponse response) {
        JsonInput in = JsonInput.of(body, false);
        String username = in.string("username", true, 1000).map(Identifiers::nfc).orElse(null);
        if (username != null && !Identifiers.isValidUsername(username)) {
            in.error("username", "error.invalid_username");
        }
        String email = in.string("email", true, 254).map(String::trim).orElse(null);
        if (email != null && !Identifiers.isValidEmail(email)) {
            in.error("email", "error.invalid_email");
        }
        String phone = in.string("phone_number", true, 64).map(raw -> {
            NormalizedPhone parsed = phones.parse(raw);
            if (!parsed.isValid()) {
                in.error("phone_number", "error.invalid_phone");
            }
            return parsed.e164();
        }).orElse(null);
        Role role = in.choice("role", true, Role::fromWire).orElse(null);
        String firstName = in.string("first_name", false, 150).orElse("");
        String lastName = in.string("last_name", false, 150).orElse("");
        String password = in.string("password", true, 10_000).orElse(null);
        if (password != null) {
            policy.validate(password, username, email, firstName, lastName)
                    .forEach(code -> in.error("password", "error." + code));
        }
        in.validate();
        registrations.admit(request.getRemoteAddr());

        UUID userId = UUID.randomUUID();
        RegisterUserCommand command = new RegisterUserCommand(userId, null, username, email, phone, hasher.hash(password),
                firstName, lastName, role, false, true, Instant.now().truncatedTo(ChronoUnit.MICROS), true);
        Caller newUser = caller.actingAs(userId);
        sendRetryingRace(command, newUser);
        return answers.answer(HttpStatus.CREATED, newUser, new FindUserQuery(userId), UserView.class, UserView::version,
                v -> UserRepresentation.of(v, userId, false), response);
    }

    /**
     * Two registrations racing for one value both pass the reservation check and one fails at commit on the
     * event store's uniqueness; sending again lets the loser see the reservation and name the field.
     */
    private void sendRetryingRace(Object command, Caller caller) {
        try {
            commands.sendAndWait(command, caller.metaData());
        } catch (RuntimeException e) {
            if (DomainException.find(e).isPresent() || !Races.isConcurrencyConflict(e)) {
                throw e;
            }
            commands.sendAndWait(command, caller.metaData());
        }
    }

    @PostMapping("/login")
    public ResponseEntity<Map<String, Object>> login(@RequestBody(required = false) JsonNode body, Caller caller,
                                                     HttpServletRequest request, HttpServletResponse response) {
        JsonInput in = JsonInput.of(body, false);
        String identifier = in.string(in.has("username") || !in.has("email") ? "username" : "email", true, 1000).orElse(null);
        String password = in.string("password", true, 10_000).orElse(null);
        in.validate();
        Credentials.Account account = logins.authenticate(identifier, password, request.getRemoteAddr(), caller);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", tokens.issueAccessToken(account.userId(), account.staff()));
        answer.put("refresh", refreshTokens.issue(account.userId()));
        answer.put("expires_in", tokens.accessTtlSeconds());
        answer.put("user", answers.find(caller.actingAs(account.userId()), new FindUserQuery(account.userId()),
                        UserView.class, response)
                .map(v -> UserRepresentation.of(v, account.userId(), account.staff())).orElse(null));
        return ResponseEntity.ok(answer);
    }

    @PostMapping("/token/refresh")
    public Map<String, Object> refresh(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, false);
        String refresh = in.string("refresh", true, 200).orElse(null);
        in.validate();
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refresh);
        Credentials.Account account = credentials.byId(rotation.userId())
                .filter(a -> a.active() && !a.deleted())
                .orElseThrow(() -> DomainException.unauthenticated("error.invalid_refresh"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", tokens.issueAccessToken(account.userId(), account.staff()));
        answer.put("refresh", rotation.token());
        answer.put("expires_in", tokens.accessTtlSeconds());
        return answer;
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout(@RequestBody(required = false) JsonNode body, Caller caller) {
        UUID actor = caller.requireActor();
        JsonInput in = JsonInput.of(body, false);
        String refresh = in.string("refresh", true, 200).orElse(null);
        in.validate();
        refreshTokens.revoke(refresh, actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/change-password")
    public Map<String, Object> changePassword(@RequestBody(required = false) JsonNode body, Caller caller) {
        UUID actor = caller.requireActor();
        JsonInput in = JsonInput.of(body, false);
        String oldPassword = in.string("old_password", true, 10_000).orElse(null);
        String newPassword = in.string("new_password", true, 10_000).orElse(null);
        in.validate();
        Credentials.Account account = credentials.byId(actor).filter(Credentials.Account::canLogIn)
                .orElseThrow(() -> DomainException.unauthenticated("error.invalid_token"));
        if (!logins.checkPassword(account, oldPassword)) {
            throw DomainException.field("old_password", "error.wrong_password");
        }
        List<String> problems = policy.validate(newPassword, account.username());
        if (!problems.isEmpty()) {
            throw DomainException.fields(Map.of("new_password", problems.stream().map(c -> "error." + c).toList()));
        }
        commands.sendAndWait(new ChangePasswordCommand(actor, hasher.hash(newPassword), PasswordChangeReason.CHANGED),
                caller.metaData());
        // every session ends (the change moved the user's session epoch and revokes every refresh token), and the
        // caller goes on in a new one: API.md, other sessions revoked
        refreshTokens.revokeAll(actor);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("detail", messages.getMessage("auth.password_changed", null, LocaleContextHolder.getLocale()));
        answer.put("token", tokens.issueAccessToken(actor, account.staff()));
        answer.put("refresh", refreshTokens.issue(actor));
        answer.put("expires_in", tokens.accessTtlSeconds());
        return answer;
    }
}
