package co.plaza.platform.web;

import co.plaza.platform.consistency.ConsistentQueries;
import co.plaza.platform.consistency.ConsistentReads;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A write answers with the object "as the read side will show it" (API.md, Conventions): wait (bounded) for the
 * caller's own write to reach the read side, saying {@code X-Consistency-Stale: true} past the bound, ask the query
 * side for the object, and answer it with its ETag. Every write controller answers through here, and reads the
 * object it is about to change the same way.
 */
@Component
public class WriteAnswers {

    private final ConsistentQueries queries;
    private final ConsistentReads reads;

    public WriteAnswers(ConsistentQueries queries, ConsistentReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    /** The object as the read side shows it once the caller's last write is there; empty if it is not. */
    public <V> Optional<V> find(Caller caller, Object query, Class<V> type, HttpServletResponse response) {
        reads.awaitWriteOf(caller, response);
        return queries.createdBy(caller, query, type);
    }

    /** The same, and an object the read side does not show is a 404. */
    public <V> V read(Caller caller, Object query, Class<V> type, HttpServletResponse response) {
        return find(caller, query, type, response).orElseThrow(DomainException::notFound);
    }

    /** The answer to a write: {@code status} with the object as {@code representation} renders it, and its ETag. */
    public <V> ResponseEntity<Map<String, Object>> answer(HttpStatus status, Caller caller, Object query, Class<V> type,
                                                          ToLongFunction<V> version,
                                                          Function<V, Map<String, Object>> representation,
                                                          HttpServletResponse response) {
        V view = read(caller, query, type, response);
        return ResponseEntity.status(status).eTag(Versions.etag(version.applyAsLong(view))).body(representation.apply(view));
    }

    /** The same for objects without a version (no ETag): categories, follows, media. */
    public <V> ResponseEntity<Map<String, Object>> answer(HttpStatus status, Caller caller, Object query, Class<V> type,
                                                          Function<V, Map<String, Object>> representation,
                                                          HttpServletResponse response) {
        return ResponseEntity.status(status).body(representation.apply(read(caller, query, type, response)));
    }
}
