package co.plaza.marketplace.query;

import co.plaza.common.api.Viewer;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import co.plaza.marketplace.api.AdEvents.AdUpdatedEvent;
import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.AdQueries.FindAdQuery;
import co.plaza.marketplace.api.AdQueries.ListAdsQuery;
import co.plaza.marketplace.api.AdQueries.Near;
import co.plaza.marketplace.api.AdQueries.Ordering;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.marketplace.projection.AdsSearchProjection;
import co.plaza.marketplace.projection.MarketplaceProjection;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.platform.test.ComponentTier;
import co.plaza.platform.test.EventFeed;
import co.plaza.platform.test.EventFeed.Event;
import co.plaza.platform.test.PlazaTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Component tier: the ads table and index, built by the marketplace and ads-search projections from events fed
 * directly (both processors see every batch, as in production), read by the marketplace query handler.
 */
@SpringBootTest(classes = {ComponentTier.class, MarketplaceProjection.class, AdsSearchProjection.class,
        MarketplaceQueryHandler.class})
@ContextConfiguration(initializers = PlazaTestEnvironment.class)
class MarketplaceReadModelTest {

    private static final Instant T = Instant.parse("2026-10-01T09:00:00Z");

    @Autowired
    EventFeed feed;
    @Autowired
    MarketplaceProjection table;
    @Autowired
    AdsSearchProjection index;
    @Autowired
    MarketplaceQueryHandler queries;

    private void deliver(Event... events) {
        feed.deliver(List.of(events), table, index);
    }

    private static AdCreatedEvent ad(UUID owner, String title, String price, double lat, double lon, Instant at) {
        return new AdCreatedEvent(UUID.randomUUID(), owner, null, new AdDetails(title, "Se vende " + title,
                price == null ? null : new BigDecimal(price), "COP", AdCondition.USED, null, lat, lon, "Calle 10",
                "Medellín"), AdStatus.ACTIVE, at, at);
    }

    private static UserRegisteredEvent user() {
        UUID id = UUID.randomUUID();
        return new UserRegisteredEvent(id, null, "u" + id.toString().substring(0, 8), id + "@example.com", null, "h",
                "Nombre", "Apellido", Role.CONSUMER, false, true, T, false);
    }

    private List<UUID> list(String search, Set<UUID> users, Near near) {
        return queries.handle(new ListAdsQuery(search, null, null, null, null, null, users, EnumSet.of(AdStatus.ACTIVE),
                Viewer.SYSTEM, Ordering.NEWEST, near, 1, 20)).results().stream().map(AdView::id).toList();
    }

    @Test
    void adsListNewestFirstWithTiesInCreationOrderAndSearchIgnoresAccents() {
        UserRegisteredEvent owner = user();
        AdCreatedEvent first = ad(owner.userId(), "Bicicleta Ñandú", "850000.50", 6.25, -75.57, T);
        AdCreatedEvent second = ad(owner.userId(), "Guitarra acústica", null, 6.25, -75.57, T);
        AdCreatedEvent newest = ad(owner.userId(), "Mesa de comedor", "120000", 6.25, -75.57, T.plusSeconds(60));
        deliver(Event.of(owner.userId(), owner), Event.of(first.addId(), first), Event.of(second.addId(), second),
                Event.of(newest.addId(), newest));

        // same created_at: the later creation (higher position) comes first, every time
        assertThat(list(null, Set.of(owner.userId()), null)).containsExactly(newest.addId(), second.addId(), first.addId());
        assertThat(list("nandu", Set.of(owner.userId()), null)).containsExactly(first.addId());
        AdView row = queries.handle(new ListAdsQuery("BICICLETA", null, null, null, null, null, Set.of(owner.userId()),
                EnumSet.of(AdStatus.ACTIVE), Viewer.SYSTEM, Ordering.NEWEST, null, 1, 20)).results().get(0);
        assertThat(row.details().price()).isEqualByComparingTo("850000.50");
        assertThat(row.details().title()).isEqualTo("Bicicleta Ñandú");
    }

    @Test
    void nearbyFindsWhatIsInsideTheRadiusWithItsDistance() {
        UserRegisteredEvent owner = user();
        AdCreatedEvent near = ad(owner.userId(), "Silla", "1000", 4.6097, -74.0817, T);
        AdCreatedEvent far = ad(owner.userId(), "Sofa", "2000", 6.2442, -75.5812, T);
        deliver(Event.of(owner.userId(), owner), Event.of(near.addId(), near), Event.of(far.addId(), far));

        List<AdView> rows = queries.handle(new ListAdsQuery(null, null, null, null, null, null, Set.of(owner.userId()),
                EnumSet.of(AdStatus.ACTIVE), Viewer.SYSTEM, Ordering.NEWEST, new Near(4.6100, -74.0820, 10), 1, 20)).results();
        assertThat(rows).extracting(AdView::id).containsExactly(near.addId());
        assertThat(rows.get(0).distanceKm()).isBetween(0.0, 0.1);
    }

    @Test
    void updatesDeletionsAndTheOwnersDeactivationReachTheListAndTheDetailAlike() {
        UserRegisteredEvent owner = user();
        AdCreatedEvent kept = ad(owner.userId(), "Lámpara", "50000", 6.25, -75.57, T);
        AdCreatedEvent gone = ad(owner.userId(), "Escritorio", "90000", 6.25, -75.57, T.plusSeconds(1));
        deliver(Event.of(owner.userId(), owner), Event.of(kept.addId(), kept), Event.of(gone.addId(), gone),
                Event.of(kept.addId(), new AdUpdatedEvent(kept.addId(), owner.userId(), new AdDetails("Lámpara de pie",
                        "Nueva", new BigDecimal("45000"), "COP", AdCondition.NEW, null, 6.25, -75.57, null, "Medellín"))),
                Event.of(gone.addId(), new AdDeletedEvent(gone.addId(), owner.userId(), null)));

        assertThat(list(null, Set.of(owner.userId()), null)).containsExactly(kept.addId());
        assertThat(list("pie", Set.of(owner.userId()), null)).containsExactly(kept.addId());
        assertThat(queries.handle(new FindAdQuery(gone.addId(), Viewer.SYSTEM))).isEmpty();
        assertThat(queries.handle(new FindAdQuery(kept.addId(), Viewer.ANONYMOUS))).get()
                .satisfies(v -> assertThat(v.details().title()).isEqualTo("Lámpara de pie"));

        deliver(Event.of(owner.userId(), new UserDeactivatedEvent(owner.userId())));
        assertThat(list(null, Set.of(owner.userId()), null)).isEmpty();
        assertThat(queries.handle(new FindAdQuery(kept.addId(), Viewer.ANONYMOUS))).isEmpty();
        assertThat(queries.handle(new FindAdQuery(kept.addId(), Viewer.user(owner.userId(), false)))).isPresent();

        deliver(Event.of(owner.userId(), new UserReactivatedEvent(owner.userId())));
        assertThat(list(null, Set.of(owner.userId()), null)).containsExactly(kept.addId());
    }

    /**
     * ADR 0012: the documents know their owner's state, so hiding a deactivated owner's ads costs the query one
     * {@code owner_active} term however many owners are deactivated (it once sent all their ids as one terms filter).
     */
    @Test
    void aDeactivatedOwnersAdsLeaveListNearbyAndSearchWithNoOwnerIdsInTheQuery() {
        String word = "zo" + UUID.randomUUID().toString().substring(0, 6);
        UserRegisteredEvent owner = user();
        UserRegisteredEvent other = user();
        AdCreatedEvent hidden = ad(owner.userId(), "Bafle " + word, "10", 6.25, -75.57, T);
        AdCreatedEvent shown = ad(other.userId(), "Parlante " + word, "20", 6.25, -75.57, T.minusSeconds(1));
        deliver(Event.of(owner.userId(), owner), Event.of(other.userId(), other), Event.of(hidden.addId(), hidden),
                Event.of(shown.addId(), shown));
        Near near = new Near(6.25, -75.57, 5);
        assertThat(list(word, null, null)).containsExactly(hidden.addId(), shown.addId());

        List<Event> deactivations = new java.util.ArrayList<>();
        deactivations.add(Event.of(owner.userId(), new UserDeactivatedEvent(owner.userId())));
        for (int i = 0; i < 200; i++) {
            UserRegisteredEvent gone = user();
            deactivations.add(Event.of(gone.userId(), gone));
            deactivations.add(Event.of(gone.userId(), new UserDeactivatedEvent(gone.userId())));
        }
        deliver(deactivations.toArray(Event[]::new));

        assertThat(list(word, null, null)).as("search").containsExactly(shown.addId());
        assertThat(list(word, null, near)).as("nearby").containsExactly(shown.addId());
        assertThat(list(null, Set.of(owner.userId(), other.userId()), null)).as("list").containsExactly(shown.addId());
        ListAdsQuery everyone = new ListAdsQuery(null, null, null, null, null, null, null, EnumSet.of(AdStatus.ACTIVE),
                Viewer.ANONYMOUS, Ordering.NEWEST, null, 1, 20);
        assertThat(queries.handle(everyone).results()).extracting(AdView::id).doesNotContain(hidden.addId());
        String request = SearchRequest.of(b -> {
            queries.search(everyone).accept(b);
            return b;
        }).toString();
        assertThat(request).contains("\"owner_active\"").doesNotContain("\"user_id\"")
                .doesNotContain(owner.userId().toString());
    }

    /** AdInput takes 20,000 characters: a word at the very end, and one across a piece's cut, are found. */
    @Test
    void aWordNearTheEndOfALongDescriptionIsFound() {
        String end = "zf" + UUID.randomUUID().toString().substring(0, 6);
        String cut = "zc" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder text = new StringBuilder("Descripción larga ");
        while (text.length() < TextFolding.MAX_PIECE - 4) {
            text.append("palabra ");
        }
        text.setLength(TextFolding.MAX_PIECE - 4);
        text.append(cut).append(' ');
        while (text.length() < 19_980) {
            text.append("relleno ");
        }
        text.setLength(19_980);
        text.append(' ').append(end.toUpperCase());
        UserRegisteredEvent owner = user();
        AdCreatedEvent e = new AdCreatedEvent(UUID.randomUUID(), owner.userId(), null, new AdDetails("Enciclopedia",
                text.toString(), null, "COP", AdCondition.USED, null, null, null, "", "Cali"), AdStatus.ACTIVE, T, T);
        deliver(Event.of(owner.userId(), owner), Event.of(e.addId(), e));

        assertThat(list(end, null, null)).containsExactly(e.addId());
        assertThat(list(cut, null, null)).containsExactly(e.addId());
        assertThat(list("enciclopedia " + end, Set.of(owner.userId()), null)).containsExactly(e.addId());
        assertThat(queries.handle(new FindAdQuery(e.addId(), Viewer.ANONYMOUS)).orElseThrow().details().description())
                .isEqualTo(text.toString());
    }
}
