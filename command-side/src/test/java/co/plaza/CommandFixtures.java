package co.plaza;

import co.plaza.platform.errors.DomainException.Kind;
import co.plaza.platform.errors.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Map;
import java.util.UUID;

/** What the aggregate and saga fixture tests of every domain share. */
public final class CommandFixtures {

    /** The user who owns the aggregate under test, another user, and an admin. */
    public static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    public static final UUID STRANGER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    public static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-0000000000ad");

    private CommandFixtures() {
    }

    /** Command metadata as an edge sets it ({@code Caller.metaData()}). */
    public static Map<String, Object> actor(UUID id, boolean staff) {
        return Map.of("actor_id", id.toString(), "actor_staff", staff);
    }

    /** Command metadata as the platform's own dispatchers set it (sagas, removals: {@code Caller.systemAuthority()}). */
    public static Map<String, Object> system() {
        return Map.of("actor_kind", "system");
    }

    /** A {@link DomainException} of this kind. */
    public static Matcher<Object> domainError(DomainException.Kind kind) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof DomainException e && e.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainException of kind " + kind);
            }
        };
    }
}
