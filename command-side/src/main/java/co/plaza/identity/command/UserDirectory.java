package co.plaza.identity.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** What other command handlers may ask about a user, answered from the event store, never from a lagging read model. */
@Component
public class UserDirectory {

    private final Repository<User> users;
    public UserDirectory(Repository<User> users) {
        this.users = users;
    }

    /** A user that exists and is not deleted; call inside a unit of work. */
    public boolean exists(UUID userId) {
        try {
            return !users.load(userId.toString()).invoke(User::isDeleted);
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
