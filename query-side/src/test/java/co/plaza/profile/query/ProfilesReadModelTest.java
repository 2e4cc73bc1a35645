package co.plaza.profile.query;

import co.plaza.common.api.Viewer;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaRef;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.test.ComponentTier;
import co.plaza.platform.test.EventFeed;
import co.plaza.platform.test.EventFeed.Event;
import co.plaza.platform.test.PlazaTestEnvironment;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileEvents.ProfileCreatedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileDeletedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileUpdatedEvent;
import co.plaza.profile.api.ProfileKind;
import co.plaza.profile.api.ProfileQueries.FindProfileByUserQuery;
import co.plaza.profile.api.ProfileQueries.FindProfileQuery;
import co.plaza.profile.api.ProfileQueries.ListProfilesQuery;
import co.plaza.profile.api.ProfileQueries.ProfileView;
import co.plaza.profile.projection.ProfilesProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Component tier: the profiles read model (with work images from media events) and its query handler. */
@SpringBootTest(classes = {ComponentTier.class, ProfilesProjection.class, ProfileQueryHandler.class})
@ContextConfiguration(initializers = PlazaTestEnvironment.class)
class ProfilesReadModelTest {

    private static final Instant T = Instant.parse("2026-09-01T12:00:00Z");

    @Autowired
    EventFeed feed;
    @Autowired
    ProfilesProjection projection;
    @Autowired
    ProfileQueryHandler queries;

    private static ProfileDetails.Specialist plumber(String profession) {
        return new ProfileDetails.Specialist(profession, "Arreglos de tubería", 7, new BigDecimal("45000"), "Cali",
                null, null, null);
    }

    private static MediaUploadedEvent workImage(UUID profile, int order) {
        UUID id = UUID.randomUUID();
        return new MediaUploadedEvent(id, "media/" + id, MediaType.IMAGE, "image/png", 10, "aa", MediaUse.WORK_IMAGE,
                RelatedType.SPECIALIST_PROFILE, profile, order, UUID.randomUUID(), null, false, T);
    }

    private List<UUID> search(String words) {
        return queries.handle(new ListProfilesQuery(ProfileKind.SPECIALIST, words, null, 1, 20)).results().stream()
                .map(ProfileView::id).toList();
    }

    @Test
    void aSpecialistIsFoundByAnyWordIgnoringAccentsWithWorkImagesInOrder() {
        UUID user = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        String tag = "pl" + UUID.randomUUID().toString().substring(0, 6);
        MediaUploadedEvent second = workImage(profile, 1);
        MediaUploadedEvent first = workImage(profile, 0);
        MediaUploadedEvent removed = workImage(profile, 2);
        feed.deliver(projection,
                Event.of(profile, new ProfileCreatedEvent(profile, user, ProfileKind.SPECIALIST, null, plumber("Fontanero " + tag), T)),
                Event.of(second.mediaId(), second), Event.of(first.mediaId(), first), Event.of(removed.mediaId(), removed),
                Event.of(removed.mediaId(), new MediaDeletedEvent(removed.mediaId(), removed.storageKey(),
                        MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, profile)));

        assertThat(search(tag.toUpperCase() + " TUBERÍA")).containsExactly(profile);
        ProfileView view = queries.handle(new FindProfileByUserQuery(ProfileKind.SPECIALIST, user, Viewer.ANONYMOUS)).orElseThrow();
        assertThat(view.workImages()).extracting(MediaRef::id).containsExactly(first.mediaId(), second.mediaId());
    }

    @Test
    void updatesApplyOnceAndDeletedProfilesAndDeactivatedOwnersAreHidden() {
        UUID user = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        String tag = "ed" + UUID.randomUUID().toString().substring(0, 6);
        Event update = Event.of(profile, new ProfileUpdatedEvent(profile, user, ProfileKind.SPECIALIST, plumber("Electricista " + tag)));
        feed.deliver(projection,
                Event.of(user, new UserRegisteredEvent(user, null, tag, tag + "@example.com", null, "h", "A", "B",
                        Role.SPECIALIST, false, true, T, false)),
                Event.of(profile, new ProfileCreatedEvent(profile, user, ProfileKind.SPECIALIST, null, plumber("Fontanero"), T)),
                update);
        assertThat(search(tag)).containsExactly(profile);

        feed.deliver(projection, Event.of(user, new UserDeactivatedEvent(user)));
        assertThat(search(tag)).isEmpty();
        assertThat(queries.handle(new FindProfileQuery(ProfileKind.SPECIALIST, profile, Viewer.ANONYMOUS))).isEmpty();

        UUID other = UUID.randomUUID();
        feed.deliver(projection,
                Event.of(other, new ProfileCreatedEvent(other, UUID.randomUUID(), ProfileKind.SPECIALIST, null, plumber(tag + "x"), T)),
                Event.of(other, new ProfileDeletedEvent(other, null, ProfileKind.SPECIALIST)));
        assertThat(queries.handle(new FindProfileQuery(ProfileKind.SPECIALIST, other, Viewer.ANONYMOUS))).isEmpty();
    }
}
