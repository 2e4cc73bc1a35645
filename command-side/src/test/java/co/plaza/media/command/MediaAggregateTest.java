package co.plaza.media.command;

import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.media.api.MediaCommands.DeleteMediaCommand;
import co.plaza.media.api.MediaCommands.UpdateMediaCommand;
import co.plaza.media.api.MediaCommands.UploadMediaCommand;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static co.plaza.CommandFixtures.OWNER;
import static co.plaza.CommandFixtures.STRANGER;
import static co.plaza.CommandFixtures.ADMIN;
import static co.plaza.CommandFixtures.actor;
import static co.plaza.CommandFixtures.domainError;
import static co.plaza.CommandFixtures.system;

class MediaAggregateTest {

    private static final UUID MEDIA = UUID.fromString("00000000-0000-4000-8000-00000000aa01");
    private static final UUID SPECIALIST = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID PROFILE = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");

    private AggregateTestFixture<Media> fixture;
    /** The registry's answers for the profile host: how many work images it holds already. */
    private int workImages;
    private final List<String> locked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Media.class);
        MediaRegistry registry = new MediaRegistry(null, null) {
            @Override
            public void lockHost(RelatedType type, UUID id) {
                locked.add(type + ":" + id);
            }

            @Override
            public int count(MediaUse use, RelatedType type, UUID id) {
                return workImages;
            }

            @Override
            public int nextOrder(MediaUse use, RelatedType type, UUID id) {
                return workImages;
            }

            @Override
            public List<UUID> live(MediaUse use, RelatedType type, UUID id) {
                return List.of();
            }
        };
        MediaHost profiles = new MediaHost() {
            @Override
            public RelatedType type() {
                return RelatedType.SPECIALIST_PROFILE;
            }

            @Override
            public Optional<UUID> ownerOf(UUID id) {
                return id.equals(PROFILE) ? Optional.of(SPECIALIST) : Optional.empty();
            }
        };
        fixture.registerAnnotatedCommandHandler(new MediaCommandHandler(fixture.getRepository(), registry,
                List.of(profiles)));
    }

    private static UploadMediaCommand upload(MediaType type, String mime, MediaUse use, RelatedType relatedType,
                                             UUID relatedId, Integer order) {
        return new UploadMediaCommand(MEDIA, "media/2026/11/" + MEDIA + ".png", type, mime, 1234, "ab12", use,
                relatedType, relatedId, order, OWNER, null, false, AT);
    }

    private static MediaUploadedEvent uploaded(MediaUse use, RelatedType relatedType, UUID relatedId, int order) {
        return new MediaUploadedEvent(MEDIA, "media/2026/11/" + MEDIA + ".png", MediaType.IMAGE, "image/png", 1234,
                "ab12", use, relatedType, relatedId, order, OWNER, null, false, AT);
    }

    @Test
    void theHostsOwnerUploadsAtTheNextOrderUnderTheHostLock() {
        workImages = 4;
        fixture.givenNoPriorActivity()
                .when(upload(MediaType.IMAGE, "image/png", MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE,
                        null), actor(SPECIALIST, false))
                .expectEvents(new MediaUploadedEvent(MEDIA, "media/2026/11/" + MEDIA + ".png", MediaType.IMAGE,
                        "image/png", 1234, "ab12", MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE, 4,
                        OWNER, null, false, AT));
        org.assertj.core.api.Assertions.assertThat(locked).containsExactly("SPECIALIST_PROFILE:" + PROFILE);
    }

    @Test
    void nobodyElseAttachesToTheHost() {
        fixture.givenNoPriorActivity()
                .when(upload(MediaType.IMAGE, "image/png", MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE,
                        null), actor(STRANGER, false))
                .expectException(domainError(Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aMissingHostIsABadRequest() {
        fixture.givenNoPriorActivity()
                .when(upload(MediaType.IMAGE, "image/png", MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE,
                        UUID.randomUUID(), null), actor(ADMIN, true))
                .expectException(domainError(Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void aFullHostTakesNoMore() {
        workImages = 30;
        fixture.givenNoPriorActivity()
                .when(upload(MediaType.IMAGE, "image/png", MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE,
                        null), actor(SPECIALIST, false))
                .expectException(domainError(Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void unattachedMediaKeepTheGivenOrder() {
        fixture.givenNoPriorActivity()
                .when(upload(MediaType.DOCUMENT, "application/pdf", MediaUse.GENERIC, null, null, 7),
                        actor(OWNER, false))
                .expectEvents(new MediaUploadedEvent(MEDIA, "media/2026/11/" + MEDIA + ".png", MediaType.DOCUMENT,
                        "application/pdf", 1234, "ab12", MediaUse.GENERIC, null, null, 7, OWNER, null, false, AT));
    }

    @Test
    void theUploaderOrTheHostsOwnerReorders() {
        fixture.given(uploaded(MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE, 0))
                .when(new UpdateMediaCommand(MEDIA, null, null, false, 3), actor(SPECIALIST, false))
                .expectEvents(new MediaReorderedEvent(MEDIA, MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE,
                        PROFILE, 3));
        fixture.given(uploaded(MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE, 0))
                .when(new UpdateMediaCommand(MEDIA, null, null, false, 3), actor(STRANGER, false))
                .expectException(domainError(Kind.FORBIDDEN));
    }

    @Test
    void reattachingMovesTheMediaAndChecksTheNewUse() {
        fixture.given(uploaded(MediaUse.GENERIC, null, null, 0))
                .when(new UpdateMediaCommand(MEDIA, RelatedType.SPECIALIST_PROFILE, PROFILE, false, null),
                        actor(ADMIN, true))
                .expectEvents(new MediaReattachedEvent(MEDIA, null, null, MediaUse.GENERIC, MediaUse.WORK_IMAGE,
                        RelatedType.SPECIALIST_PROFILE, PROFILE, 0));
        MediaUploadedEvent pdf = new MediaUploadedEvent(MEDIA, "media/x.pdf", MediaType.DOCUMENT, "application/pdf",
                10, "cd", MediaUse.GENERIC, null, null, 0, OWNER, null, false, AT);
        fixture.given(pdf)
                .when(new UpdateMediaCommand(MEDIA, RelatedType.SPECIALIST_PROFILE, PROFILE, false, null),
                        actor(ADMIN, true))
                .expectException(domainError(Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void deletingIsOnceAndOnlyByThoseAllowed() {
        MediaDeletedEvent deleted = new MediaDeletedEvent(MEDIA, "media/2026/11/" + MEDIA + ".png",
                MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE);
        fixture.given(uploaded(MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE, 0))
                .when(new DeleteMediaCommand(MEDIA), actor(STRANGER, false))
                .expectException(domainError(Kind.FORBIDDEN));
        fixture.given(uploaded(MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE, 0))
                .when(new DeleteMediaCommand(MEDIA), actor(OWNER, false))
                .expectEvents(deleted);
        fixture.given(uploaded(MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE, 0), deleted)
                .when(new DeleteMediaCommand(MEDIA), system())
                .expectException(domainError(Kind.NOT_FOUND));
        fixture.given(uploaded(MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, PROFILE, 0))
                .when(new DeleteMediaCommand(MEDIA), Map.of())
                .expectException(domainError(Kind.UNAUTHENTICATED))
                .expectNoEvents();
    }
}
