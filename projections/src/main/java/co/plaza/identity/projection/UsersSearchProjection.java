package co.plaza.identity.projection;

import co.plaza.platform.axon.Projection;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserDetailsUpdatedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserEvents.UserRoleChangedEvent;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchWriter;
import co.plaza.platform.elasticsearch.TextFolding;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The users index behind {@code GET /api/auth/users/?search=}: folded copies of the searchable fields
 * (API.md: username, first_name, last_name), versioned by the event's global position.
 */
@Component
@Projection(name = "users-search-projection", searchIndexes = UsersSearchProjection.INDEX)
public class UsersSearchProjection {

    public static final String INDEX = "users";
    public static final int INDEX_VERSION = 1;
    public static final String MAPPING = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "100ms"},
             "mappings": {"dynamic": "strict", "properties": {
               "id": {"type": "keyword"},
               "username": {"type": "keyword"},
               "role": {"type": "keyword"},
               "is_active": {"type": "boolean"},
               "date_joined": {"type": "date"},
               "username_f": {"type": "keyword"},
               "first_name_f": {"type": "keyword"},
               "last_name_f": {"type": "keyword"}}}}""";

    private final SearchWriter writer;
    private final String alias;

    public UsersSearchProjection(SearchIndexes indexes, SearchWriter writer) {
        this.writer = writer;
        this.alias = indexes.ensure(INDEX, INDEX_VERSION, MAPPING);
    }

    @EventHandler
    void on(UserRegisteredEvent e, TrackingToken token) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", e.userId().toString());
        doc.put("username", e.username());
        doc.put("role", e.role().wire());
        doc.put("is_active", e.active());
        doc.put("date_joined", e.dateJoined().toString());
        names(doc, e.username(), e.firstName(), e.lastName());
        writer.index(alias, e.userId().toString(), doc, position(token));
    }

    @EventHandler
    void on(UserDetailsUpdatedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> {
            doc.put("username", e.username());
            names(doc, e.username(), e.firstName(), e.lastName());
        });
    }

    @EventHandler
    void on(UserRoleChangedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> doc.put("role", e.role().wire()));
    }

    @EventHandler
    void on(UserDeactivatedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> doc.put("is_active", false));
    }

    @EventHandler
    void on(UserReactivatedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> doc.put("is_active", true));
    }

    @EventHandler
    void on(UserDeletedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> {
            doc.put("is_active", false);
            doc.put("first_name_f", "");
            doc.put("last_name_f", "");
        });
    }

    private static void names(Map<String, Object> doc, String username, String firstName, String lastName) {
        doc.put("username_f", TextFolding.fold(username));
        doc.put("first_name_f", TextFolding.fold(firstName));
        doc.put("last_name_f", TextFolding.fold(lastName));
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
