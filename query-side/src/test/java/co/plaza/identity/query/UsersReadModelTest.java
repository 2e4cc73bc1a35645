package co.plaza.identity.query;

import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserDetailsUpdatedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserQueries.FindUserQuery;
import co.plaza.identity.api.UserQueries.ListUsersQuery;
import co.plaza.identity.api.UserQueries.UserView;
import co.plaza.identity.projection.UsersProjection;
import co.plaza.identity.projection.UsersSearchProjection;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchPages;
import co.plaza.platform.test.ComponentTier;
import co.plaza.platform.test.EventFeed;
import co.plaza.platform.test.EventFeed.Event;
import co.plaza.platform.test.PlazaTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Component tier: the users table and search index, built by their two projections from events fed directly, and
 * read by the user query handler (search goes through Elasticsearch, plain lists through PostgreSQL).
 */
@SpringBootTest(classes = {ComponentTier.class, UsersProjection.class, UsersSearchProjection.class, UserQueryHandler.class})
@ContextConfiguration(initializers = PlazaTestEnvironment.class)
class UsersReadModelTest {

    @Autowired
    EventFeed feed;
    @Autowired
    UsersProjection table;
    @Autowired
    UsersSearchProjection index;
    @Autowired
    UserQueryHandler queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchIndexes indexes;
    @Autowired
    ElasticsearchClient elasticsearch;

    private static final Instant JOINED = Instant.parse("2026-11-01T08:00:00Z");

    private static UserRegisteredEvent registered(String username, String firstName, Role role, int minutes) {
        return new UserRegisteredEvent(UUID.randomUUID(), null, username, username + "@example.com", "+573001234567",
                "argon2-hash", firstName, "Gómez", role, false, true, JOINED.plusSeconds(60L * minutes), false);
    }

    private void deliver(Event... events) {
        feed.deliver(List.of(events), table, index);
    }

    private List<String> search(String words, Role role) {
        return queries.handle(new ListUsersQuery(words, role, false, 1, 20)).results().stream()
                .map(UserView::username).toList();
    }

    @Test
    void searchIgnoresCaseAndAccentsAndListsNewestFirst() {
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
        UserRegisteredEvent ana = registered(tag + "ana", "Ána María", Role.SPECIALIST, 1);
        UserRegisteredEvent andres = registered(tag + "andres", "Andrés", Role.CONSUMER, 2);
        deliver(Event.of(ana.userId(), ana), Event.of(andres.userId(), andres));

        assertThat(search(tag, null)).containsExactly(andres.username(), ana.username());
        assertThat(search(tag + " ANA MARIA", null)).containsExactly(ana.username());
        assertThat(search(tag, Role.CONSUMER)).containsExactly(andres.username());
        assertThat(queries.handle(new FindUserQuery(ana.userId()))).get()
                .satisfies(u -> assertThat(u.firstName()).isEqualTo("Ána María"));
    }

    @Test
    void renamesDeactivationsAndDeletionsReachTableAndIndexAlike() {
        String tag = "zr" + UUID.randomUUID().toString().substring(0, 6);
        UserRegisteredEvent user = registered(tag + "old", "Lucía", Role.BUSINESSMAN, 3);
        deliver(Event.of(user.userId(), user),
                Event.of(user.userId(), new UserDetailsUpdatedEvent(user.userId(), tag + "new", user.email(),
                        user.phoneNumber(), "Lucía", "Gómez")));
        assertThat(search(tag, null)).containsExactly(tag + "new");

        deliver(Event.of(user.userId(), new UserDeactivatedEvent(user.userId())));
        assertThat(search(tag, null)).isEmpty();
        assertThat(queries.handle(new ListUsersQuery(tag, null, true, 1, 20)).count()).isEqualTo(1);

        deliver(Event.of(user.userId(), new UserReactivatedEvent(user.userId())));
        assertThat(search(tag, null)).containsExactly(tag + "new");

        deliver(Event.of(user.userId(), new UserDeletedEvent(user.userId(), Role.BUSINESSMAN)));
        assertThat(queries.handle(new ListUsersQuery(tag, null, true, 1, 20)).count()).isZero();
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        String tag = "zs" + UUID.randomUUID().toString().substring(0, 6);
        UserRegisteredEvent user = registered(tag + "once", "Pedro", Role.CONSUMER, 4);
        Event event = Event.of(user.userId(), user);
        deliver(event);
        deliver(event);

        assertThat(queries.handle(new ListUsersQuery(tag, null, false, 1, 20)).count()).isEqualTo(1);
    }

    /** A window of 3 sends every page but the first through the deep path (count, search_after walk, page). */
    @Test
    void aSearchPagePastTheResultWindowIsWhatTheShallowPathGives() {
        String tag = "zd" + UUID.randomUUID().toString().substring(0, 6);
        List<Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // pairs joined at the same minute: seq orders them
            UserRegisteredEvent user = registered(tag + i, "Nombre", Role.CONSUMER, 10 + i / 2);
            events.add(Event.of(user.userId(), user));
        }
        deliver(events.toArray(Event[]::new));
        UserQueryHandler deep = new UserQueryHandler(jdbc, indexes, new SearchPages(elasticsearch, 3));

        List<String> all = search(tag, null);
        assertThat(all).hasSize(7);
        List<String> walked = new java.util.ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            var shallowPage = queries.handle(new ListUsersQuery(tag, null, false, page, 2));
            var deepPage = deep.handle(new ListUsersQuery(tag, null, false, page, 2));
            assertThat(deepPage.count()).isEqualTo(7);
            assertThat(deepPage.results()).extracting(UserView::username).as("page " + page)
                    .containsExactlyElementsOf(shallowPage.results().stream().map(UserView::username).toList());
            deepPage.results().forEach(u -> walked.add(u.username()));
        }
        assertThat(walked).containsExactlyElementsOf(all);
        var past = deep.handle(new ListUsersQuery(tag, null, false, 5, 2));
        assertThat(past.results()).as("past the last page: no rows, the exact count for the 404").isEmpty();
        assertThat(past.count()).isEqualTo(7);
    }
}
