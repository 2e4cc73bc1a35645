package co.plaza;

import co.plaza.platform.web.ApiException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.http.HttpStatus;

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

    /** Command metadata as the web edge sets it (RequestMetadata). */
    public static Map<String, Object> actor(UUID id, boolean staff) {
        return Map.of("actor_id", id.toString(), "actor_staff", staff);
    }

    /** An {@link ApiException} answering with {@code status}. */
    public static Matcher<Object> apiError(HttpStatus status) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof ApiException e && e.status() == status;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ApiException with status " + status);
            }
        };
    }
}
