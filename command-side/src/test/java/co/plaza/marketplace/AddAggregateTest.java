package co.plaza.marketplace;

import co.plaza.coreapi.marketplace.AddCommands.ChangeAddStatusCommand;
import co.plaza.coreapi.marketplace.AddCondition;
import co.plaza.coreapi.marketplace.AddDetails;
import co.plaza.coreapi.marketplace.AddEvents.AddCreatedEvent;
import co.plaza.coreapi.marketplace.AddEvents.AddDeletedEvent;
import co.plaza.coreapi.marketplace.AddEvents.AddStatusChangedEvent;
import co.plaza.coreapi.marketplace.AddStatus;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static co.plaza.CommandFixtures.actor;
import static co.plaza.CommandFixtures.apiError;

class AddAggregateTest {

    private static final UUID ADD = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-0000000000ad");
    private static final AddDetails PHONE = new AddDetails("Teléfono", "Como nuevo", new BigDecimal("150000.00"), "COP",
            AddCondition.USED, null, 4.711, -74.0721, "Calle 1", "Bogotá");
    private static final Instant AT = Instant.parse("2024-03-04T05:06:07Z");

    private AggregateTestFixture<Add> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Add.class);
    }

    private static AddCreatedEvent created() {
        return new AddCreatedEvent(ADD, OWNER, null, PHONE, AddStatus.ACTIVE, AT, AT);
    }

    @Test
    void theOwnerPausesAndResumes() {
        fixture.given(created())
                .when(new ChangeAddStatusCommand(ADD, null, AddStatus.PAUSED), actor(OWNER, false))
                .expectEvents(new AddStatusChangedEvent(ADD, OWNER, AddStatus.ACTIVE, AddStatus.PAUSED));
        fixture.given(created(), new AddStatusChangedEvent(ADD, OWNER, AddStatus.ACTIVE, AddStatus.PAUSED))
                .when(new ChangeAddStatusCommand(ADD, null, AddStatus.ACTIVE), actor(OWNER, false))
                .expectEvents(new AddStatusChangedEvent(ADD, OWNER, AddStatus.PAUSED, AddStatus.ACTIVE));
    }

    @Test
    void anAdminMarksSomeoneElsesAdSold() {
        fixture.given(created())
                .when(new ChangeAddStatusCommand(ADD, null, AddStatus.SOLD), actor(ADMIN, true))
                .expectEvents(new AddStatusChangedEvent(ADD, OWNER, AddStatus.ACTIVE, AddStatus.SOLD));
    }

    @Test
    void aStrangerIsForbidden() {
        fixture.given(created())
                .when(new ChangeAddStatusCommand(ADD, null, AddStatus.PAUSED), actor(STRANGER, false))
                .expectNoEvents()
                .expectException(apiError(HttpStatus.FORBIDDEN));
    }

    @Test
    void theSameStatusIsNoChange() {
        fixture.given(created())
                .when(new ChangeAddStatusCommand(ADD, null, AddStatus.ACTIVE), actor(OWNER, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSoldAdStaysSold() {
        fixture.given(created(), new AddStatusChangedEvent(ADD, OWNER, AddStatus.ACTIVE, AddStatus.SOLD))
                .when(new ChangeAddStatusCommand(ADD, null, AddStatus.ACTIVE), actor(OWNER, false))
                .expectNoEvents()
                .expectException(apiError(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aDeletedAdIsNotFound() {
        fixture.given(created(), new AddDeletedEvent(ADD, OWNER, null))
                .when(new ChangeAddStatusCommand(ADD, null, AddStatus.PAUSED), actor(OWNER, false))
                .expectNoEvents()
                .expectException(apiError(HttpStatus.NOT_FOUND));
    }

    @Test
    void aStaleVersionChangesNothing() {
        fixture.given(created(), new AddStatusChangedEvent(ADD, OWNER, AddStatus.ACTIVE, AddStatus.PAUSED))
                .when(new ChangeAddStatusCommand(ADD, 0L, AddStatus.ACTIVE), actor(OWNER, false))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }
}
