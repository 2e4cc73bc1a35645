package co.plaza.identity.command;

import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserCommands.ChangePasswordCommand;
import co.plaza.identity.api.UserCommands.ChangeUserRoleCommand;
import co.plaza.identity.api.UserCommands.PasswordChangeReason;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserPasswordChangedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserEvents.UserRoleChangedEvent;
import co.plaza.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static co.plaza.CommandFixtures.OWNER;
import static co.plaza.CommandFixtures.STRANGER;
import static co.plaza.CommandFixtures.ADMIN;
import static co.plaza.CommandFixtures.actor;
import static co.plaza.CommandFixtures.domainError;
import static co.plaza.CommandFixtures.system;
import static org.assertj.core.api.Assertions.assertThat;

class UserAggregateTest {


    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    private static UserRegisteredEvent registered(Role role) {
        return new UserRegisteredEvent(OWNER, null, "ana", "ana@example.com", "+573001234567",
                "$argon2id$v=19$m=19456,t=2,p=1$old", "Ana", "Pérez", role, false, true,
                Instant.parse("2024-01-02T03:04:05Z"), true);
    }


    @Test
    void anAdminChangesTheRole() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangeUserRoleCommand(OWNER, null, Role.SPECIALIST), actor(ADMIN, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRoleChangedEvent(OWNER, Role.CONSUMER, Role.SPECIALIST))
                .expectState(user -> assertThat(user.role()).isEqualTo(Role.SPECIALIST));
    }

    @Test
    void theRoleIsSourcedFromPreviousChanges() {
        fixture.given(registered(Role.CONSUMER), new UserRoleChangedEvent(OWNER, Role.CONSUMER, Role.BUSINESSMAN))
                .when(new ChangeUserRoleCommand(OWNER, null, Role.BUSINESSMAN), actor(ADMIN, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNonAdminCannotChangeTheRole() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangeUserRoleCommand(OWNER, null, Role.SPECIALIST), actor(OWNER, false))
                .expectException(domainError(Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void anotherNonAdminCannotChangeTheRoleEither() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangeUserRoleCommand(OWNER, null, Role.SPECIALIST), actor(STRANGER, false))
                .expectException(DomainException.class)
                .expectException(domainError(Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void theSameRoleIsNoChange() {
        fixture.given(registered(Role.SPECIALIST))
                .when(new ChangeUserRoleCommand(OWNER, null, Role.SPECIALIST), actor(ADMIN, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theOwnerChangesTheirPassword() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$new", PasswordChangeReason.CHANGED), actor(OWNER, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserPasswordChangedEvent(OWNER, "$argon2id$new", PasswordChangeReason.CHANGED));
    }

    @Test
    void anAdminMayChangeSomeonesPassword() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$reset", PasswordChangeReason.RESET), actor(ADMIN, true))
                .expectEvents(new UserPasswordChangedEvent(OWNER, "$argon2id$reset", PasswordChangeReason.RESET));
    }

    @Test
    void anotherUserCannotChangeThePassword() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$evil", PasswordChangeReason.CHANGED), actor(STRANGER, false))
                .expectException(domainError(Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void theSystemMayUpgradeAHash() {
        // the system actor: a message issued by the platform itself (imports)
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$upgraded", PasswordChangeReason.HASH_UPGRADED), system())
                .expectEvents(new UserPasswordChangedEvent(OWNER, "$argon2id$upgraded", PasswordChangeReason.HASH_UPGRADED));
    }

    @Test
    void aMessageWithoutAnActorIsNotThePlatform() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$upgraded", PasswordChangeReason.HASH_UPGRADED))
                .expectException(domainError(Kind.UNAUTHENTICATED))
                .expectNoEvents();
    }

    @Test
    void aDeletedUserIsNotFoundForARoleChange() {
        fixture.given(registered(Role.CONSUMER), new UserDeletedEvent(OWNER, Role.CONSUMER))
                .when(new ChangeUserRoleCommand(OWNER, null, Role.SPECIALIST), actor(ADMIN, true))
                .expectException(domainError(Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aDeletedUserIsNotFoundForAPasswordChange() {
        fixture.given(registered(Role.CONSUMER), new UserDeletedEvent(OWNER, Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$new", PasswordChangeReason.CHANGED), actor(OWNER, false))
                .expectException(domainError(Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aDeletedUserIsNotFoundEvenForAnAdmin() {
        fixture.given(registered(Role.CONSUMER), new UserDeletedEvent(OWNER, Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$new", PasswordChangeReason.RESET), actor(ADMIN, true))
                .expectException(domainError(Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aStateChangeIsSourcedIntoTheAggregate() {
        fixture.given(registered(Role.CONSUMER))
                .when(new ChangePasswordCommand(OWNER, "$argon2id$new", PasswordChangeReason.CHANGED), actor(OWNER, false))
                .expectState(user -> {
                    assertThat(user.id()).isEqualTo(OWNER);
                    assertThat(user.username()).isEqualTo("ana");
                    assertThat(user.isActive()).isTrue();
                    assertThat(user.isDeleted()).isFalse();
                    assertThat(user.emailLogin()).isTrue();
                });
    }
}
