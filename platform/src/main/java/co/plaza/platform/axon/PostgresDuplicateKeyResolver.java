package co.plaza.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.stereotype.Component;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505), also when the JDBC batch wraps it, so a second
 * append at the same aggregate sequence surfaces as Axon's concurrency failure and not as a store outage.
 * This is what turns the event store's uniqueness into reservations that hold.
 */
@Component
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
