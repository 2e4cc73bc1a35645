package co.plaza.platform.consistency;

import co.plaza.platform.context.Caller;
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

    /**
     * Waits for the caller's own last write, unless the caller accepts eventual answers ({@code X-Consistency:
     * eventual}); callers without an actor have no write to wait for.
     */
    public <R> R afterWriteOf(Caller caller, Object query, ResponseType<R> responseType) {
        return query(query, responseType, caller.isAuthenticated() && !caller.wantsEventual() ? caller : null);
    }

    /**
     * For the answer to a write that created the object: {@code X-Consistency: eventual} may skip the wait, but
     * never turns a 201 into a 404, so when the object is not visible yet the wait happens after all.
     */
    public <R> java.util.Optional<R> createdBy(Caller caller, Object query, Class<R> type) {
        ResponseType<java.util.Optional<R>> responseType = org.axonframework.messaging.responsetypes.ResponseTypes
                .optionalInstanceOf(type);
        java.util.Optional<R> found = afterWriteOf(caller, query, responseType);
        if (found.isEmpty() && caller.isAuthenticated() && caller.wantsEventual()) {
            found = query(query, responseType, caller);
        }
        return found;
    }

    private <R> R query(Object query, ResponseType<R> responseType, Caller awaited) {
        MetaData await = awaited == null ? MetaData.emptyInstance()
                : MetaData.with(AWAIT_ACTOR, awaited.actorId().toString());
        return queries.query(new GenericQueryMessage<>(query, responseType).andMetaData(await), responseType).join();
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
