package co.plaza.platform.consistency;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/**
 * Queries that must see an actor's last write. The query carries the actor, and the query side, where the
 * projections run, waits (bounded) before answering; so a command-side deployable answers a write with the
 * object as the read side shows it even when the read side runs elsewhere.
 */
@Configuration
public class ConsistentQueries {

    static final String AWAIT_ACTOR = "await_actor";

    private final QueryGateway queries;

    public ConsistentQueries(QueryGateway queries) {
        this.queries = queries;
    }

    /** Skips the wait when the client asked for {@code X-Consistency: eventual}. */
    public <R> R afterWriteOf(UUID actor, Object query, ResponseType<R> responseType) {
        MetaData await = ConsistentReads.eventualRequested() ? MetaData.emptyInstance()
                : MetaData.with(AWAIT_ACTOR, actor.toString());
        org.axonframework.queryhandling.QueryMessage<?, R> message = new GenericQueryMessage<>(query, responseType)
                .andMetaData(await);
        return queries.query(message, responseType).join();
    }

    /**
     * For the answer to a write that created the object: {@code X-Consistency: eventual} may skip the wait, but
     * never turns a 201 into a 404, so when the object is not visible yet the wait happens after all.
     */
    public <R> java.util.Optional<R> createdBy(UUID actor, Object query, Class<R> type) {
        ResponseType<java.util.Optional<R>> responseType = org.axonframework.messaging.responsetypes.ResponseTypes
                .optionalInstanceOf(type);
        java.util.Optional<R> found = afterWriteOf(actor, query, responseType);
        if (found.isEmpty() && ConsistentReads.eventualRequested()) {
            found = queries.query(new GenericQueryMessage<>(query, responseType)
                    .andMetaData(MetaData.with(AWAIT_ACTOR, actor.toString())), responseType).join();
        }
        return found;
    }

    @Autowired
    public void register(QueryBus queryBus, ConsistencyGate gate) {
        queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object actor = unitOfWork.getMessage().getMetaData().get(AWAIT_ACTOR);
            if (actor != null) {
                gate.awaitCaller(UUID.fromString(actor.toString()));
            }
            return chain.proceed();
        });
    }
}
