package co.plaza.common.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value that is stored (in events, snapshots) but never shown: the audit API leaves it out of event payloads and
 * rebuilt aggregate state. Not {@code @JsonIgnore}: the event store and snapshots must keep it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Secret {
}
