package co.plaza.platform.axon;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether an event handler's failure would go away by itself (PostgreSQL or Elasticsearch unreachable, overloaded,
 * a deadlock) or is the event's own (a constraint, an encoding error, a document the mapping refuses, a bug).
 * A processor waits out the first kind and retries; the second kind parks the event in the dead-letter queue, since
 * retrying it would only stop the read model for everyone.
 */
public final class EventFailures {

    private EventFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnableToClaimTokenException) {
                return true; // another node has the segment now: not the event's failure either
            }
            if (t instanceof TransientFailure tf) {
                return tf.isTransient();
            }
            if (t instanceof SQLException sql) {
                return transientSqlState(sql.getSQLState()) || sql instanceof SQLTransientException
                        || sql instanceof SQLRecoverableException;
            }
            if (t instanceof ElasticsearchException es) {
                return es.status() == 429 || es.status() >= 500;
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's classes for a lost connection (08), a serialization failure or deadlock (40), no resources (53),
     * an administrator's shutdown or a cancelled query (57) and a system error (58); data (22) and integrity (23)
     * errors are the event's own.
     */
    private static boolean transientSqlState(String state) {
        return state != null && state.length() >= 2
                && java.util.Set.of("08", "40", "53", "57", "58").contains(state.substring(0, 2));
    }

    /** A failure that knows which kind it is (e.g. an Elasticsearch bulk item answered 429 or 503). */
    public interface TransientFailure {
        boolean isTransient();
    }
}
