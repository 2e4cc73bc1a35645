package co.plaza.marketplace.command;

import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.identity.command.UserDirectory;
import co.plaza.marketplace.api.AdCommands.ChangeAdStatusCommand;
import co.plaza.marketplace.api.AdCommands.CreateAdCommand;
import co.plaza.marketplace.api.AdCommands.DeleteAdCommand;
import co.plaza.marketplace.api.AdCommands.UpdateAdCommand;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import co.plaza.marketplace.api.AdEvents.AdStatusChangedEvent;
import co.plaza.marketplace.api.AdEvents.AdUpdatedEvent;
import co.plaza.marketplace.api.AdStatus;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static co.plaza.CommandFixtures.OWNER;
import static co.plaza.CommandFixtures.STRANGER;
import static co.plaza.CommandFixtures.ADMIN;
import static co.plaza.CommandFixtures.actor;
import static co.plaza.CommandFixtures.domainError;
import static co.plaza.CommandFixtures.system;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The ad's lifecycle, through the marketplace command handler (create, update, delete) and the aggregate itself. */
class AdAggregateTest {

    private static final UUID ADD = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final AdDetails PHONE = new AdDetails("Teléfono", "Como nuevo", new BigDecimal("150000.00"), "COP",
            AdCondition.USED, null, 4.711, -74.0721, "Calle 1", "Bogotá");
    private static final AdDetails CHEAPER = new AdDetails("Teléfono", "Como nuevo, con forro",
            new BigDecimal("120000.00"), "COP", AdCondition.USED, null, 4.711, -74.0721, "Calle 1", "Bogotá");
    private static final Instant AT = Instant.parse("2024-03-04T05:06:07Z");

    private final UserDirectory users = mock(UserDirectory.class);
    private AggregateTestFixture<Ad> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ad.class);
        // no category in these ads, so the handler needs no category repository
        fixture.registerAnnotatedCommandHandler(new MarketplaceCommandHandler(fixture.getRepository(), null, null, null,
                users));
        when(users.exists(OWNER)).thenReturn(true);
    }

    private static CreateAdCommand create() {
        return new CreateAdCommand(ADD, OWNER, null, PHONE, null, AT, AT);
    }

    private static AdCreatedEvent created() {
        return new AdCreatedEvent(ADD, OWNER, null, PHONE, AdStatus.ACTIVE, AT, AT);
    }

    @Test
    void theOwnerCreatesAnActiveAd() {
        fixture.givenNoPriorActivity()
                .when(create(), actor(OWNER, false))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ADD)
                .expectEvents(created());
    }

    @Test
    void anAdminCreatesForAUser() {
        fixture.givenNoPriorActivity()
                .when(create(), actor(ADMIN, true))
                .expectEvents(created());
    }

    @Test
    void aStrangerCannotCreateForAUser() {
        fixture.givenNoPriorActivity()
                .when(create(), actor(STRANGER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.FORBIDDEN));
    }

    @Test
    void anAdOfAUserThatDoesNotExistIsA400() {
        fixture.givenNoPriorActivity()
                .when(new CreateAdCommand(ADD, STRANGER, null, PHONE, null, AT, AT), actor(ADMIN, true))
                .expectNoEvents()
                .expectException(domainError(Kind.INVALID));
    }

    @Test
    void theOwnerOrAnAdminUpdatesAStrangerIsForbidden() {
        fixture.given(created())
                .when(new UpdateAdCommand(ADD, null, CHEAPER), actor(OWNER, false))
                .expectEvents(new AdUpdatedEvent(ADD, OWNER, CHEAPER));
        fixture.given(created())
                .when(new UpdateAdCommand(ADD, null, CHEAPER), actor(ADMIN, true))
                .expectEvents(new AdUpdatedEvent(ADD, OWNER, CHEAPER));
        fixture.given(created())
                .when(new UpdateAdCommand(ADD, null, CHEAPER), actor(STRANGER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.FORBIDDEN));
    }

    @Test
    void anUpdateToTheSameDetailsIsNoChange() {
        fixture.given(created())
                .when(new UpdateAdCommand(ADD, null, PHONE), actor(OWNER, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateAtTheCurrentVersionPassesAStaleOneChangesNothing() {
        fixture.given(created(), new AdUpdatedEvent(ADD, OWNER, CHEAPER))
                .when(new UpdateAdCommand(ADD, 1L, PHONE), actor(OWNER, false))
                .expectEvents(new AdUpdatedEvent(ADD, OWNER, PHONE));
        fixture.given(created(), new AdUpdatedEvent(ADD, OWNER, CHEAPER))
                .when(new UpdateAdCommand(ADD, 0L, PHONE), actor(OWNER, false))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void theOwnerMarksSoldFromActiveOrPaused() {
        fixture.given(created())
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.SOLD), actor(OWNER, false))
                .expectEvents(new AdStatusChangedEvent(ADD, OWNER, AdStatus.ACTIVE, AdStatus.SOLD));
        fixture.given(created(), new AdStatusChangedEvent(ADD, OWNER, AdStatus.ACTIVE, AdStatus.PAUSED))
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.SOLD), actor(OWNER, false))
                .expectEvents(new AdStatusChangedEvent(ADD, OWNER, AdStatus.PAUSED, AdStatus.SOLD));
    }

    @Test
    void theOwnerOrAnAdminDeletesAStrangerIsForbidden() {
        fixture.given(created())
                .when(new DeleteAdCommand(ADD, null), actor(OWNER, false))
                .expectEvents(new AdDeletedEvent(ADD, OWNER, null));
        fixture.given(created())
                .when(new DeleteAdCommand(ADD, null), actor(ADMIN, true))
                .expectEvents(new AdDeletedEvent(ADD, OWNER, null));
        fixture.given(created())
                .when(new DeleteAdCommand(ADD, null), actor(STRANGER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.FORBIDDEN));
    }

    @Test
    void aStaleDeleteChangesNothing() {
        fixture.given(created(), new AdUpdatedEvent(ADD, OWNER, CHEAPER))
                .when(new DeleteAdCommand(ADD, 0L), actor(OWNER, false))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    /** The platform's own removal (an owner deleted) is sent again after a failure: a second one is a 404. */
    @Test
    void aDeletedAdRefusesUpdatesAndDeletes() {
        fixture.given(created(), new AdDeletedEvent(ADD, OWNER, null))
                .when(new UpdateAdCommand(ADD, null, CHEAPER), actor(OWNER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.NOT_FOUND));
        fixture.given(created(), new AdDeletedEvent(ADD, OWNER, null))
                .when(new DeleteAdCommand(ADD, null), system())
                .expectNoEvents()
                .expectException(domainError(Kind.NOT_FOUND));
    }

    @Test
    void aRemovalWithoutAnActorIsRefused() {
        fixture.given(created())
                .when(new DeleteAdCommand(ADD, null))
                .expectNoEvents()
                .expectException(domainError(Kind.UNAUTHENTICATED));
    }

    @Test
    void anAdThatNeverExistedIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DeleteAdCommand(ADD, null), actor(OWNER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.NOT_FOUND));
    }

    @Test
    void theOwnerPausesAndResumes() {
        fixture.given(created())
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.PAUSED), actor(OWNER, false))
                .expectEvents(new AdStatusChangedEvent(ADD, OWNER, AdStatus.ACTIVE, AdStatus.PAUSED));
        fixture.given(created(), new AdStatusChangedEvent(ADD, OWNER, AdStatus.ACTIVE, AdStatus.PAUSED))
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.ACTIVE), actor(OWNER, false))
                .expectEvents(new AdStatusChangedEvent(ADD, OWNER, AdStatus.PAUSED, AdStatus.ACTIVE));
    }

    @Test
    void anAdminMarksSomeoneElsesAdSold() {
        fixture.given(created())
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.SOLD), actor(ADMIN, true))
                .expectEvents(new AdStatusChangedEvent(ADD, OWNER, AdStatus.ACTIVE, AdStatus.SOLD));
    }

    @Test
    void aStrangerIsForbidden() {
        fixture.given(created())
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.PAUSED), actor(STRANGER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.FORBIDDEN));
    }

    @Test
    void theSameStatusIsNoChange() {
        fixture.given(created())
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.ACTIVE), actor(OWNER, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSoldAdStaysSold() {
        fixture.given(created(), new AdStatusChangedEvent(ADD, OWNER, AdStatus.ACTIVE, AdStatus.SOLD))
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.ACTIVE), actor(OWNER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.INVALID));
    }

    @Test
    void aDeletedAdIsNotFound() {
        fixture.given(created(), new AdDeletedEvent(ADD, OWNER, null))
                .when(new ChangeAdStatusCommand(ADD, null, AdStatus.PAUSED), actor(OWNER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.NOT_FOUND));
    }

    @Test
    void aStaleVersionChangesNothing() {
        fixture.given(created(), new AdStatusChangedEvent(ADD, OWNER, AdStatus.ACTIVE, AdStatus.PAUSED))
                .when(new ChangeAdStatusCommand(ADD, 0L, AdStatus.ACTIVE), actor(OWNER, false))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }
}
