package co.plaza.media.query;

import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaHostRemoved;
import co.plaza.media.api.MediaQueries.FindMediaQuery;
import co.plaza.media.api.MediaQueries.ListMediaQuery;
import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.media.projection.MediaProjection;
import co.plaza.platform.test.ComponentTier;
import co.plaza.platform.test.EventFeed;
import co.plaza.platform.test.EventFeed.Event;
import co.plaza.platform.test.PlazaTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Component tier: the media projection and query handler on the real PostgreSQL, fed events directly. */
@SpringBootTest(classes = {ComponentTier.class, MediaProjection.class, MediaQueryHandler.class})
@ContextConfiguration(initializers = PlazaTestEnvironment.class)
class MediaReadModelTest {

    /** What a removed host's event looks like to the media read model, whatever domain the host is in. */
    record HostRemoved(RelatedType mediaHostType, UUID mediaHostId) implements MediaHostRemoved {
    }

    @Autowired
    EventFeed feed;
    @Autowired
    MediaProjection projection;
    @Autowired
    MediaQueryHandler queries;

    private static MediaUploadedEvent upload(UUID host, int order, MediaUse use, UUID uploader) {
        UUID id = UUID.randomUUID();
        return new MediaUploadedEvent(id, "media/" + id + ".jpg", MediaType.IMAGE, "image/jpeg", 1234, "ab12", use,
                use.host(), host, order, uploader, null, false, Instant.parse("2026-11-30T12:00:00Z").plusSeconds(order));
    }

    private List<UUID> listOf(RelatedType type, UUID host) {
        return queries.handle(new ListMediaQuery(type, host, null, null, 1, 50)).results().stream()
                .map(MediaView::id).toList();
    }

    @Test
    void aHostsMediaListInTheirOrderWithoutTheDeletedOnes() {
        UUID ad = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        MediaUploadedEvent first = upload(ad, 0, MediaUse.ADD_IMAGE, owner);
        MediaUploadedEvent second = upload(ad, 1, MediaUse.ADD_IMAGE, owner);
        MediaUploadedEvent third = upload(ad, 2, MediaUse.ADD_IMAGE, owner);
        feed.deliver(projection, Event.of(first.mediaId(), first), Event.of(second.mediaId(), second),
                Event.of(third.mediaId(), third),
                Event.of(first.mediaId(), new MediaReorderedEvent(first.mediaId(), MediaUse.ADD_IMAGE, RelatedType.ADD, ad, 5)),
                Event.of(second.mediaId(), new MediaDeletedEvent(second.mediaId(), second.storageKey(),
                        MediaUse.ADD_IMAGE, RelatedType.ADD, ad)));

        assertThat(listOf(RelatedType.ADD, ad)).containsExactly(third.mediaId(), first.mediaId());
        assertThat(queries.handle(new FindMediaQuery(second.mediaId()))).isEmpty();
        assertThat(queries.handle(new FindMediaQuery(first.mediaId()))).get()
                .satisfies(m -> assertThat(m.order()).isEqualTo(5));
    }

    @Test
    void aRedeliveredUploadChangesNothing() {
        UUID ad = UUID.randomUUID();
        MediaUploadedEvent upload = upload(ad, 0, MediaUse.ADD_IMAGE, UUID.randomUUID());
        feed.deliver(projection, Event.of(upload.mediaId(), upload));
        feed.deliver(projection, Event.of(upload.mediaId(), upload));

        assertThat(queries.handle(new ListMediaQuery(RelatedType.ADD, ad, null, null, 1, 50)).count()).isEqualTo(1);
    }

    @Test
    void aRemovedHostsMediaAreHiddenFromReadersEvenWhenUploadedAfterTheRemovalWasProjected() {
        UUID ad = UUID.randomUUID();
        MediaUploadedEvent before = upload(ad, 0, MediaUse.ADD_IMAGE, UUID.randomUUID());
        feed.deliver(projection, Event.of(before.mediaId(), before), Event.of(ad, new HostRemoved(RelatedType.ADD, ad)));
        MediaUploadedEvent late = upload(ad, 1, MediaUse.ADD_IMAGE, UUID.randomUUID());
        feed.deliver(projection, Event.of(late.mediaId(), late));

        assertThat(listOf(RelatedType.ADD, ad)).isEmpty();
        assertThat(queries.handle(new FindMediaQuery(before.mediaId()))).isEmpty();
        assertThat(queries.handle(new FindMediaQuery(late.mediaId()))).isEmpty();
    }

    @Test
    void chatAttachmentsListOnlyForTheirUploaderWhenVisibilityIsLimited() {
        UUID message = UUID.randomUUID();
        UUID sender = UUID.randomUUID();
        MediaUploadedEvent attachment = upload(message, 0, MediaUse.CHAT_ATTACHMENT, sender);
        feed.deliver(projection, Event.of(attachment.mediaId(), attachment));

        assertThat(queries.handle(new ListMediaQuery(null, null, sender, sender, 1, 50)).results())
                .extracting(MediaView::id).containsExactly(attachment.mediaId());
        assertThat(queries.handle(new ListMediaQuery(null, null, sender, UUID.randomUUID(), 1, 50)).results()).isEmpty();
    }
}
