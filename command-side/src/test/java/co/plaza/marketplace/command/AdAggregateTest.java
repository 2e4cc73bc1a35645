package co.plaza.marketplace.command;

import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.marketplace.api.AdCommands.ChangeAdStatusCommand;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import co.plaza.marketplace.api.AdEvents.AdStatusChangedEvent;
import co.plaza.marketplace.api.AdStatus;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static co.plaza.CommandFixtures.actor;
import static co.plaza.CommandFixtures.domainError;

class AdAggregateTest {

    private static final UUID ADD = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-0000000000ad");
    private static final AdDetails PHONE = new AdDetails("Teléfono", "Como nuevo", new BigDecimal("150000.00"), "COP",
            AdCondition.USED, null, 4.711, -74.0721, "Calle 1", "Bogotá");
    private static final Instant AT = Instant.parse("2024-03-04T05:06:07Z");

    private AggregateTestFixture<Ad> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ad.class);
    }

    private static AdCreatedEvent created() {
        return new AdCreatedEvent(ADD, OWNER, null, PHONE, AdStatus.ACTIVE, AT, AT);
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
