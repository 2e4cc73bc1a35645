package co.plaza.platform.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an event handler bean or saga that is not a read model (a policy that sends commands, a saga, or
 * state the command side keeps in its own transaction): never waited for by read-your-writes, no dead letters.
 * Read with {@link Projection} by {@link ProcessorDeclarations}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Policy {

    /** The processing group and processor name, i.e. its rows in token_entry. */
    String name();

    /** Handled in the publishing command's own transaction (no token, no lag) instead of by a tracking processor. */
    boolean subscribing() default false;
}
