package co.plaza.app.api;

import co.plaza.marketplace.api.AdCommands.DeleteAdCommand;
import co.plaza.marketplace.api.FollowCommands.FollowUserCommand;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.platform.web.ApiExceptionHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket edge and the ETL send the same commands as the HTTP edge: a command sent through the gateway with
 * a {@link Caller} built by hand, no HTTP request anywhere, is refused with the same domain error (kind, field,
 * message key) that the HTTP edge renders as the 400, 403 or 404 a client sees.
 */
class CommandsWithoutHttpTest extends ApiTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    ApiExceptionHandler errors;

    private record User(UUID id, String token, Caller caller) {
    }

    private User user() {
        String name = unique("sinhttp");
        UUID id = UUID.fromString(register(name, "consumer").path("id").asText());
        return new User(id, login(name, PASSWORD),
                Caller.user(id, false, "no-http-" + UUID.randomUUID(), Caller.Consistency.READ_YOUR_WRITES));
    }

    private DomainException refusal(Object command, Caller caller) {
        try {
            commands.sendAndWait(command, caller.metaData());
        } catch (RuntimeException e) {
            return DomainException.find(e).orElseThrow(() -> new AssertionError("not a domain error", e));
        }
        throw new AssertionError(command + " was accepted");
    }

    /** The HTTP edge renders {@code error} as {@code http} answered: same status, same body. */
    private void rendersAs(DomainException error, Response http) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
        assertThat(http.status()).as(http.toString()).isEqualTo(ApiExceptionHandler.status(error.kind()).value());
        assertThat(http.json()).isEqualTo(HttpApi.JSON.valueToTree(errors.body(error)));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void invalidInputIsTheSameFieldErrorAsThe400() {
        User me = user();
        DomainException error = refusal(new FollowUserCommand(UUID.randomUUID(), me.id(), me.id(), null, null),
                me.caller());
        assertThat(error.kind()).isEqualTo(Kind.INVALID);
        assertThat(error.fieldErrors()).isEqualTo(Map.of("followed", List.of("error.follow_self")));

        Response http = api.post("/api/follows/", body("followed", me.id().toString()), me.token());
        assertThat(http.status()).isEqualTo(400);
        assertThat(http.json().path("followed").get(0).asText()).isEqualTo("No puede seguirse a sí mismo.");
        rendersAs(error, http);
    }

    @Test
    void anotherUsersAdIsTheSameRefusalAsThe403() {
        User owner = user();
        User other = user();
        Response created = api.post("/api/adds/", body("title", "Bicicleta", "condition", "new"), owner.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID addId = UUID.fromString(created.text("id"));

        DomainException error = refusal(new DeleteAdCommand(addId, null), other.caller());
        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error.messageKey()).isEqualTo("error.forbidden");
        assertThat(error.fieldErrors()).isNull();

        Response http = api.delete("/api/adds/" + addId + "/", other.token());
        assertThat(http.status()).isEqualTo(403);
        rendersAs(error, http);
        // refused means unchanged: the owner still sees the ad
        assertThat(api.get("/api/adds/" + addId + "/", owner.token()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAdIsTheSameNotFoundAsThe404() {
        User me = user();
        UUID unknown = UUID.randomUUID();
        DomainException error = refusal(new DeleteAdCommand(unknown, null), me.caller());
        assertThat(error.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(error.messageKey()).isEqualTo("error.not_found");

        Response http = api.delete("/api/adds/" + unknown + "/", me.token());
        assertThat(http.status()).isEqualTo(404);
        JsonNode detail = http.json().path("detail");
        assertThat(detail.asText()).isEqualTo("No encontrado.");
        rendersAs(error, http);
    }

    /** Only the system actor is trusted as the platform: a command with no metadata at all is anonymous. */
    @Test
    void aCommandWithoutAnActorIsRefusedNotTrustedAsThePlatform() {
        User owner = user();
        Response created = api.post("/api/adds/", body("title", "Mesa", "condition", "new"), owner.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID addId = UUID.fromString(created.text("id"));
        try {
            commands.sendAndWait(new DeleteAdCommand(addId, null));
            throw new AssertionError("a command without an actor was accepted");
        } catch (RuntimeException e) {
            DomainException error = DomainException.find(e).orElseThrow(() -> new AssertionError("not a domain error", e));
            assertThat(error.kind()).isEqualTo(Kind.UNAUTHENTICATED);
        }
        assertThat(api.get("/api/adds/" + addId + "/", owner.token()).status()).isEqualTo(200);
        // the system actor, which only the platform's own dispatchers set, may
        commands.sendAndWait(new DeleteAdCommand(addId, null), Caller.system().metaData());
        assertThat(eventStore.readEvents(addId.toString()).asStream()
                .anyMatch(e -> e.getPayload() instanceof co.plaza.marketplace.api.AdEvents.AdDeletedEvent)).isTrue();
    }

    @Test
    void anAnonymousCallerSendsNothing() {
        Caller anonymous = Caller.anonymous("no-http-" + UUID.randomUUID(), Caller.Consistency.READ_YOUR_WRITES);
        try {
            anonymous.metaData();
            throw new AssertionError("an anonymous caller gave command metadata");
        } catch (DomainException e) {
            assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED);
            assertThat(e.messageKey()).isEqualTo("error.not_authenticated");
        }
    }
}
