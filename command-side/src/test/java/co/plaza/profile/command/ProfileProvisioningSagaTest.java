package co.plaza.profile.command;

import co.plaza.profile.api.ProfileCommands.CreateProfileCommand;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileKind;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserEvents.UserRoleChangedEvent;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.CallbackBehavior;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static co.plaza.CommandFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileProvisioningSagaTest {

    private static final String RETRY = "retry-profile-provisioning";

    private static final CallbackBehavior SUCCEEDS = (command, metaData) -> ((CreateProfileCommand) command).profileId();
    private static final CallbackBehavior FAILS = (command, metaData) -> {
        throw new RuntimeException("command bus unavailable");
    };
    private static final CallbackBehavior EXISTS = (command, metaData) -> {
        throw DomainException.field("user_id", ProfileCommandHandler.EXISTS);
    };

    private SagaTestFixture<ProfileProvisioningSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ProfileProvisioningSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.setCallbackBehavior(SUCCEEDS);
    }

    private static UserRegisteredEvent registered(Role role) {
        return new UserRegisteredEvent(OWNER, null, "ana", "ana@example.com", null, "$argon2id$hash", "Ana", "Pérez",
                role, false, true, Instant.parse("2024-01-02T03:04:05Z"), true);
    }

    /**
     * Exactly these CreateProfileCommands, in this order, each an empty profile of the kind for {@link #OWNER}, each
     * sent as the system actor (a message without one would be refused by the profile's owner check).
     */
    private static Matcher<List<CommandMessage<?>>> createsProfiles(ProfileKind... kinds) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<CommandMessage<?>> commands) {
                if (commands.size() != kinds.length) {
                    return false;
                }
                for (int i = 0; i < kinds.length; i++) {
                    if (!(commands.get(i).getPayload() instanceof CreateProfileCommand c)
                            || c.profileId() == null || !OWNER.equals(c.userId()) || c.legacyId() != null
                            || c.createdAt() != null || c.details().kind() != kinds[i]
                            || !ProfileDetails.empty(kinds[i]).equals(c.details())
                            || !Caller.SYSTEM.equals(commands.get(i).getMetaData().get(Caller.ACTOR_KIND))) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CreateProfileCommands for " + OWNER + " of kinds " + Arrays.toString(kinds)
                        + ", sent as the system");
            }
        };
    }

    private List<CreateProfileCommand> dispatched() {
        return fixture.getCommandBus().getDispatchedCommands().stream()
                .map(m -> (CreateProfileCommand) m.getPayload()).toList();
    }

    @Test
    void registrationProvisionsTheProfileOfTheRoleAndEnds() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(registered(Role.SPECIALIST))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.SPECIALIST))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(dispatched()).singleElement().satisfies(c -> {
            assertThat(c.userId()).isEqualTo(OWNER);
            assertThat(c.details()).isEqualTo(ProfileDetails.empty(ProfileKind.SPECIALIST));
        });
    }

    @Test
    void eachRoleGetsTheProfileOfItsKind() {
        for (Role role : Role.values()) {
            setUp();
            fixture.givenNoPriorActivity()
                    .whenPublishingA(registered(role))
                    .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.of(role)))
                    .expectActiveSagas(0);
        }
    }

    @Test
    void aFailedCreationSchedulesARetryAfterOneSecondAndKeepsTheSagaActive() {
        fixture.setCallbackBehavior(FAILS);
        fixture.givenNoPriorActivity()
                .whenPublishingA(registered(Role.CONSUMER))
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.CONSUMER))
                .expectActiveSagas(1)
                .expectAssociationWith("userId", OWNER)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), RETRY);
    }

    @Test
    void theRetryDispatchesTheCommandAgainAndEndsOnSuccess() {
        fixture.setCallbackBehavior(FAILS);
        fixture.givenAPublished(registered(Role.CONSUMER));
        fixture.setCallbackBehavior(SUCCEEDS);
        fixture.whenTimeElapses(Duration.ofSeconds(1))
                .expectTriggeredDeadlinesWithName(RETRY)
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.CONSUMER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theRetryWaitsForItsDeadline() {
        fixture.setCallbackBehavior(FAILS);
        fixture.givenAPublished(registered(Role.CONSUMER));
        fixture.setCallbackBehavior(SUCCEEDS);
        fixture.whenTimeElapses(Duration.ofMillis(999))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofMillis(1), RETRY);
    }

    @Test
    void repeatedFailuresBackOffExponentially() throws Exception {
        fixture.setCallbackBehavior(FAILS);
        fixture.givenAPublished(registered(Role.BUSINESSMAN))
                .andThenTimeElapses(Duration.ofSeconds(1))   // 2nd attempt fails: next in 2 s
                .andThenTimeElapses(Duration.ofSeconds(2));  // 3rd attempt fails: next in 4 s
        fixture.whenTimeElapses(Duration.ofSeconds(4))       // 4th attempt fails: next in 8 s
                .expectTriggeredDeadlinesWithName(RETRY, RETRY, RETRY)
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.BUSINESSMAN))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(8), RETRY)
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(4), RETRY);
    }

    @Test
    void theBackoffIsCappedAtFiveMinutes() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        fixture.setCallbackBehavior((command, metaData) -> {
            attempts.incrementAndGet();
            throw new RuntimeException("still down");
        });
        fixture.givenAPublished(registered(Role.CONSUMER));
        // 1+2+4+...+256 s covers the first nine retries; the tenth waits 300 s, not 512 s
        for (int failure = 1; failure <= 9; failure++) {
            fixture.andThenTimeElapses(Duration.ofSeconds(1L << (failure - 1)));
        }
        assertThat(attempts).hasValue(10);
        fixture.whenTimeElapses(Duration.ofSeconds(300))
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.CONSUMER))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(300), RETRY)
                .expectActiveSagas(1);
        assertThat(attempts).hasValue(11);
    }

    @Test
    void backoffDoublesFromOneSecondUpToFiveMinutes() {
        assertThat(ProfileProvisioningSaga.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ProfileProvisioningSaga.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProfileProvisioningSaga.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ProfileProvisioningSaga.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(ProfileProvisioningSaga.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(ProfileProvisioningSaga.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ProfileProvisioningSaga.backoff(21)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ProfileProvisioningSaga.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
        for (int n = 1; n < 100; n++) {
            assertThat(ProfileProvisioningSaga.backoff(n + 1)).isGreaterThanOrEqualTo(ProfileProvisioningSaga.backoff(n));
        }
    }

    @Test
    void anExistingProfileCountsAsDone() {
        fixture.setCallbackBehavior(EXISTS);
        fixture.givenNoPriorActivity()
                .whenPublishingA(registered(Role.SPECIALIST))
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.SPECIALIST))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRetryAnsweredExistsEndsTheSaga() {
        // the first attempt timed out but committed: the retry is told the profile exists
        fixture.setCallbackBehavior(FAILS);
        fixture.givenAPublished(registered(Role.SPECIALIST));
        fixture.setCallbackBehavior(EXISTS);
        fixture.whenTimeElapses(Duration.ofSeconds(1))
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.SPECIALIST))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRoleChangeProvisionsTheNewRolesKind() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new UserRoleChangedEvent(OWNER, Role.CONSUMER, Role.BUSINESSMAN))
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.BUSINESSMAN))
                .expectActiveSagas(0);
    }

    @Test
    void aRoleChangeAfterAFinishedRegistrationStartsANewSaga() {
        fixture.givenAPublished(registered(Role.CONSUMER))
                .whenPublishingA(new UserRoleChangedEvent(OWNER, Role.CONSUMER, Role.SPECIALIST))
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.SPECIALIST))
                .expectActiveSagas(0);
    }

    @Test
    void aRoleChangeDuringARetryProvisionsBothKinds() {
        fixture.setCallbackBehavior(FAILS);
        fixture.givenAPublished(registered(Role.CONSUMER));
        fixture.setCallbackBehavior(SUCCEEDS);
        fixture.whenPublishingA(new UserRoleChangedEvent(OWNER, Role.CONSUMER, Role.SPECIALIST))
                .expectDispatchedCommandsMatching(createsProfiles(ProfileKind.SPECIALIST, ProfileKind.CONSUMER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void deletionEndsTheSagaAndCancelsTheRetry() {
        fixture.setCallbackBehavior(FAILS);
        fixture.givenAPublished(registered(Role.CONSUMER))
                .whenPublishingA(new UserDeletedEvent(OWNER, Role.CONSUMER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void nothingIsRetriedAfterDeletion() {
        fixture.setCallbackBehavior(FAILS);
        fixture.givenAPublished(registered(Role.CONSUMER))
                .andThenAPublished(new UserDeletedEvent(OWNER, Role.CONSUMER));
        fixture.whenTimeElapses(Duration.ofMinutes(10))
                .expectNoDispatchedCommands()
                .expectTriggeredDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void deletionWithoutAPendingProvisioningDoesNothing() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new UserDeletedEvent(OWNER, Role.CONSUMER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
