package co.plaza.profile.command;

import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.profile.api.ProfileCommands.AnonymiseProfileCommand;
import co.plaza.profile.api.ProfileCommands.UpdateProfileCommand;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileEvents.ProfileAnonymisedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileCreatedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileDeletedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileUpdatedEvent;
import co.plaza.profile.api.ProfileKind;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static co.plaza.CommandFixtures.OWNER;
import static co.plaza.CommandFixtures.STRANGER;
import static co.plaza.CommandFixtures.ADMIN;
import static co.plaza.CommandFixtures.actor;
import static co.plaza.CommandFixtures.domainError;
import static co.plaza.CommandFixtures.system;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileAggregateTest {

    private static final UUID PROFILE = UUID.fromString("00000000-0000-4000-8000-0000000000f1");

    private static final ProfileDetails.Specialist PLUMBER = new ProfileDetails.Specialist("Plomero",
            "Arreglo tuberías", 7, new BigDecimal("45000.00"), "Medellín", 6.2442, -75.5812, new BigDecimal("4.50"));
    private static final ProfileDetails.Specialist ELECTRICIAN = new ProfileDetails.Specialist("Electricista",
            "Instalaciones", 9, new BigDecimal("50000.00"), "Bogotá", 4.711, -74.0721, new BigDecimal("4.50"));

    private AggregateTestFixture<Profile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Profile.class);
    }

    private static ProfileCreatedEvent created(ProfileDetails details) {
        return new ProfileCreatedEvent(PROFILE, OWNER, details.kind(), null, details,
                Instant.parse("2024-03-04T05:06:07Z"));
    }


    @Test
    void theOwnerUpdatesChangedDetails() {
        fixture.given(created(PLUMBER))
                .when(new UpdateProfileCommand(PROFILE, null, ELECTRICIAN), actor(OWNER, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProfileUpdatedEvent(PROFILE, OWNER, ProfileKind.SPECIALIST, ELECTRICIAN));
    }

    @Test
    void anAdminUpdatesSomeoneElsesProfile() {
        ProfileDetails.Businessman before = new ProfileDetails.Businessman("Acme", "900123", "retail", "Cra 1", "Cali", "");
        ProfileDetails.Businessman after = new ProfileDetails.Businessman("Acme SAS", "900123", "retail", "Cra 1", "Cali", "https://acme.co");
        fixture.given(created(before))
                .when(new UpdateProfileCommand(PROFILE, null, after), actor(ADMIN, true))
                .expectEvents(new ProfileUpdatedEvent(PROFILE, OWNER, ProfileKind.BUSINESSMAN, after));
    }

    @Test
    void identicalDetailsAreNoChange() {
        ProfileDetails.Specialist same = new ProfileDetails.Specialist("Plomero", "Arreglo tuberías", 7,
                new BigDecimal("45000.00"), "Medellín", 6.2442, -75.5812, new BigDecimal("4.50"));
        fixture.given(created(PLUMBER))
                .when(new UpdateProfileCommand(PROFILE, null, same), actor(OWNER, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void detailsOfAnotherKindAreRejected() {
        fixture.given(created(PLUMBER))
                .when(new UpdateProfileCommand(PROFILE, null, new ProfileDetails.Consumer("Calle 1", "Cali", Map.of())),
                        actor(OWNER, false))
                .expectException(domainError(Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void aStrangerCannotUpdate() {
        fixture.given(created(PLUMBER))
                .when(new UpdateProfileCommand(PROFILE, null, ELECTRICIAN), actor(STRANGER, false))
                .expectException(domainError(Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aStaleExpectedVersionConflicts() {
        // created (0) and updated (1): the aggregate is at version 1
        fixture.given(created(PLUMBER), new ProfileUpdatedEvent(PROFILE, OWNER, ProfileKind.SPECIALIST, ELECTRICIAN))
                .when(new UpdateProfileCommand(PROFILE, 0L, PLUMBER), actor(OWNER, false))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(created(PLUMBER), new ProfileUpdatedEvent(PROFILE, OWNER, ProfileKind.SPECIALIST, ELECTRICIAN))
                .when(new UpdateProfileCommand(PROFILE, 1L, PLUMBER), actor(OWNER, false))
                .expectEvents(new ProfileUpdatedEvent(PROFILE, OWNER, ProfileKind.SPECIALIST, PLUMBER));
    }

    @Test
    void aDeletedProfileIsNotFound() {
        fixture.given(created(PLUMBER), new ProfileDeletedEvent(PROFILE, OWNER, ProfileKind.SPECIALIST))
                .when(new UpdateProfileCommand(PROFILE, null, ELECTRICIAN), actor(OWNER, false))
                .expectException(domainError(Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anonymisingBlanksThePersonalFields() {
        ProfileDetails.Specialist anonymised = new ProfileDetails.Specialist("Plomero", "", 7,
                new BigDecimal("45000.00"), "", null, null, new BigDecimal("4.50"));
        assertThat(PLUMBER.anonymised()).isEqualTo(anonymised);
        // the platform issues it when the user is deleted: the system actor
        fixture.given(created(PLUMBER))
                .when(new AnonymiseProfileCommand(PROFILE), system())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProfileAnonymisedEvent(PROFILE, OWNER, ProfileKind.SPECIALIST, anonymised));
    }

    @Test
    void anonymisingABusinessmanKeepsOnlyTheBusinessType() {
        ProfileDetails.Businessman acme = new ProfileDetails.Businessman("Acme", "900123", "retail", "Cra 1", "Cali", "https://acme.co");
        fixture.given(created(acme))
                .when(new AnonymiseProfileCommand(PROFILE), actor(OWNER, false))
                .expectEvents(new ProfileAnonymisedEvent(PROFILE, OWNER, ProfileKind.BUSINESSMAN,
                        new ProfileDetails.Businessman("", "", "retail", "", "", "")));
    }

    @Test
    void aStrangerCannotAnonymise() {
        fixture.given(created(PLUMBER))
                .when(new AnonymiseProfileCommand(PROFILE), actor(STRANGER, false))
                .expectException(domainError(Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aDeletedProfileIsNotAnonymisedAgain() {
        fixture.given(created(PLUMBER), new ProfileDeletedEvent(PROFILE, OWNER, ProfileKind.SPECIALIST))
                .when(new AnonymiseProfileCommand(PROFILE), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAnonymisationWithoutAnActorIsRefused() {
        fixture.given(created(PLUMBER))
                .when(new AnonymiseProfileCommand(PROFILE))
                .expectException(domainError(Kind.UNAUTHENTICATED))
                .expectNoEvents();
    }
}
