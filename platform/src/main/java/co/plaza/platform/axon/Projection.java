package co.plaza.platform.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a read model's event handler bean, the one place its processor is described
 * ({@link ProcessorDeclarations}): a tracking processor with the {@code plaza.processors.*} batch and segment
 * settings, a dead-letter queue (an event it cannot handle is parked in a transaction of its own and the processor
 * goes on, ADR 0015), a part in read-your-writes (only for the events it handles), replay support
 * and its lag metrics. Nothing is derived from the name.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Projection {

    /** The processing group and processor name, i.e. its rows in token_entry; never rename one with data. */
    String name();

    /**
     * The search indexes (names given to {@code SearchIndexes.ensure}) this projection alone fills: when one's
     * version is bumped, a second instance of this projection rebuilds it from the event store in the background.
     */
    String[] searchIndexes() default {};
}
