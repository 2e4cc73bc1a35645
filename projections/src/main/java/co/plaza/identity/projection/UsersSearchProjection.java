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
import co.plaza.identity.readmodel.UsersIndex;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/** Writes the users index ({@link UsersIndex}), versioned by the event's global position. */
@Component
@Projection(name = "users-search-projection", searchIndexes = UsersIndex.INDEX)
public class UsersSearchProjection {

    private final SearchWriter writer;
    private final String alias;

    public UsersSearchProjection(SearchIndexes indexes, SearchWriter writer) {
        this.writer = writer;
        this.alias = indexes.ensure(UsersIndex.INDEX, UsersIndex.VERSION, UsersIndex.MAPPING);
    }

    @EventHandler
    void on(UserRegisteredEvent e, TrackingToken token) {
        long position = position(token);
        writer.index(alias, e.userId().toString(), UsersIndex.document(e, position), position);
    }

    @EventHandler
    void on(UserDetailsUpdatedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token),
                doc -> UsersIndex.names(doc, e.username(), e.firstName(), e.lastName()));
    }

    @EventHandler
    void on(UserRoleChangedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> doc.put(UsersIndex.ROLE, e.role().wire()));
    }

    @EventHandler
    void on(UserDeactivatedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> doc.put(UsersIndex.ACTIVE, false));
    }

    @EventHandler
    void on(UserReactivatedEvent e, TrackingToken token) {
        writer.update(alias, e.userId().toString(), position(token), doc -> doc.put(UsersIndex.ACTIVE, true));
    }

    @EventHandler
    void on(UserDeletedEvent e, TrackingToken token) {
        // lists never show deleted users (the table's lists say NOT deleted): search must not find them either
        writer.delete(alias, e.userId().toString(), position(token));
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
