package co.plaza.common.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which a type is written to the event store, sagas, snapshots and dead letters: stable across
 * moves and renames of the Java class, which the store never names. {@code formerly} lists names earlier versions
 * wrote (the Java class names before names were stable), so those records still load.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoredAs {

    /** {@code <domain>.<Name>}, e.g. {@code marketplace.AdCreated}; never changed once written. */
    String value();

    String[] formerly() default {};
}
