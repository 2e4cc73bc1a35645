package co.plaza.platform.axon;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/** Recognises the event store refusing a second append at the same sequence: two writers raced. */
public final class Races {

    private Races() {
    }

    public static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
