package co.plaza.marketplace.command;

import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.marketplace.api.CategoryCommands.DeleteCategoryCommand;
import co.plaza.marketplace.api.FollowCommands.UnfollowCommand;
import co.plaza.marketplace.api.CategoryEvents.CategoryCreatedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryDeletedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryUsageChangedEvent;
import co.plaza.marketplace.api.FollowEvents.UserFollowedEvent;
import co.plaza.marketplace.api.FollowEvents.UserUnfollowedEvent;
import co.plaza.reservation.api.ReservationKind;
import co.plaza.reservation.command.Reservations;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static co.plaza.CommandFixtures.OWNER;
import static co.plaza.CommandFixtures.STRANGER;
import static co.plaza.CommandFixtures.ADMIN;
import static co.plaza.CommandFixtures.actor;
import static co.plaza.CommandFixtures.domainError;
import static co.plaza.CommandFixtures.system;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;

/** Category deletion and unfollowing, through the marketplace command handler over each aggregate's fixture. */
class CategoryAndFollowAggregateTest {

    private static final UUID CATEGORY = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final UUID FOLLOW = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    private static final CategoryCreatedEvent CREATED = new CategoryCreatedEvent(CATEGORY, null, "Hogar", "hogar", "", null);

    private final Reservations reservations = mock(Reservations.class);

    private AggregateTestFixture<Category> categories() {
        AggregateTestFixture<Category> fixture = new AggregateTestFixture<>(Category.class);
        fixture.registerAnnotatedCommandHandler(
                new MarketplaceCommandHandler(null, fixture.getRepository(), null, reservations, null));
        return fixture;
    }

    private AggregateTestFixture<Follow> follows() {
        AggregateTestFixture<Follow> fixture = new AggregateTestFixture<>(Follow.class);
        fixture.registerAnnotatedCommandHandler(
                new MarketplaceCommandHandler(null, null, fixture.getRepository(), reservations, null));
        return fixture;
    }

    @Test
    void anUnusedCategoryIsDeletedAndFreesItsNameAndSlug() {
        categories().given(CREATED, new CategoryUsageChangedEvent(CATEGORY, OWNER, true),
                        new CategoryUsageChangedEvent(CATEGORY, OWNER, false))
                .when(new DeleteCategoryCommand(CATEGORY), actor(ADMIN, true))
                .expectEvents(new CategoryDeletedEvent(CATEGORY));
        verify(reservations).release(ReservationKind.CATEGORY_NAME, "hogar", CATEGORY);
        verify(reservations).release(ReservationKind.CATEGORY_SLUG, "hogar", CATEGORY);
    }

    @Test
    void aCategoryInUseIsAConflict() {
        categories().given(CREATED, new CategoryUsageChangedEvent(CATEGORY, OWNER, true))
                .when(new DeleteCategoryCommand(CATEGORY), actor(ADMIN, true))
                .expectNoEvents()
                .expectException(domainError(Kind.CONFLICT));
        verify(reservations, never()).release(any(), any(), any());
    }

    @Test
    void onlyAdminsDeleteCategories() {
        categories().given(CREATED)
                .when(new DeleteCategoryCommand(CATEGORY), actor(OWNER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.FORBIDDEN));
    }

    @Test
    void theFollowerUnfollowsAndReleasesThePair() {
        follows().given(new UserFollowedEvent(FOLLOW, OWNER, STRANGER, null, Instant.parse("2024-01-01T00:00:00Z")))
                .when(new UnfollowCommand(FOLLOW), actor(OWNER, false))
                .expectEvents(new UserUnfollowedEvent(FOLLOW, OWNER, STRANGER));
        verify(reservations).release(ReservationKind.FOLLOW, OWNER + ":" + STRANGER, FOLLOW);
    }

    @Test
    void theFollowedUserCannotRemoveSomeoneElsesFollow() {
        follows().given(new UserFollowedEvent(FOLLOW, OWNER, STRANGER, null, Instant.parse("2024-01-01T00:00:00Z")))
                .when(new UnfollowCommand(FOLLOW), actor(STRANGER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.FORBIDDEN));
    }

    /** Deleting either user removes the follow: the removal is the system's, not the followed user's. */
    @Test
    void theSystemRemovesAFollowAndAMessageWithoutAnActorCannot() {
        follows().given(new UserFollowedEvent(FOLLOW, OWNER, STRANGER, null, Instant.parse("2024-01-01T00:00:00Z")))
                .when(new UnfollowCommand(FOLLOW), system())
                .expectEvents(new UserUnfollowedEvent(FOLLOW, OWNER, STRANGER));
        follows().given(new UserFollowedEvent(FOLLOW, OWNER, STRANGER, null, Instant.parse("2024-01-01T00:00:00Z")))
                .when(new UnfollowCommand(FOLLOW))
                .expectNoEvents()
                .expectException(domainError(Kind.UNAUTHENTICATED));
    }

    @Test
    void aRemovedFollowIsNotFound() {
        follows().given(new UserFollowedEvent(FOLLOW, OWNER, STRANGER, null, Instant.parse("2024-01-01T00:00:00Z")),
                        new UserUnfollowedEvent(FOLLOW, OWNER, STRANGER))
                .when(new UnfollowCommand(FOLLOW), actor(OWNER, false))
                .expectNoEvents()
                .expectException(domainError(Kind.NOT_FOUND));
    }
}
