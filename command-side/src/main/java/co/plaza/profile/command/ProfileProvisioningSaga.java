package co.plaza.profile.command;

import co.plaza.platform.retry.Backoff;
import co.plaza.platform.axon.Policy;
import co.plaza.platform.context.Caller;
import co.plaza.common.api.StoredAs;
import co.plaza.profile.api.ProfileCommands.CreateProfileCommand;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileKind;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserEvents.UserRoleChangedEvent;
import co.plaza.platform.errors.DomainException;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Duration;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Gives a user the empty profile of their role when they register, and of the new role when an admin changes
 * it. A failed creation is retried with exponential backoff through the persistent deadline manager, so the
 * retry survives a restart; the saga ends when every profile it owes exists. It creates the profile as the system
 * (not as whoever registered or changed the role), so a retry from a deadline is allowed like the first attempt.
 */
@StoredAs(value = "profile.ProfileProvisioningSaga", formerly = "co.plaza.profiles.ProfileProvisioningSaga")
// the processor name Axon gave sagas by default, kept for its token_entry rows
@Policy(name = "ProfileProvisioningSagaProcessor")
@Saga
public class ProfileProvisioningSaga {

    static final String RETRY = "retry-profile-provisioning";

    @JsonProperty
    private UUID userId;
    @JsonProperty
    private TreeSet<ProfileKind> pending = new TreeSet<>();
    @JsonProperty
    private int failures;
    @JsonProperty
    private String retryDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = "userId")
    public void on(UserRegisteredEvent event, CommandGateway commands, DeadlineManager deadlines) {
        userId = event.userId();
        pending.add(ProfileKind.of(event.role()));
        provision(commands, deadlines);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "userId")
    public void on(UserRoleChangedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        userId = event.userId();
        pending.add(ProfileKind.of(event.role()));
        provision(commands, deadlines);
    }

    /** A deleted user is owed nothing. */
    @EndSaga
    @SagaEventHandler(associationProperty = "userId")
    public void on(UserDeletedEvent event, DeadlineManager deadlines) {
        cancelRetry(deadlines);
    }

    @DeadlineHandler(deadlineName = RETRY, payloadType = Void.class)
    public void retry(CommandGateway commands, DeadlineManager deadlines) {
        retryDeadline = null;
        provision(commands, deadlines);
    }

    /**
     * Each attempt proposes a new profile id: the user's slot for the kind, not the id, makes the profile
     * unique, so an attempt that succeeded unseen (a timeout) is answered "exists" on retry, and counts as done.
     */
    private void provision(CommandGateway commands, DeadlineManager deadlines) {
        boolean failed = false;
        for (ProfileKind kind : new TreeSet<>(pending)) {
            try {
                commands.sendAndWait(new CreateProfileCommand(UUID.randomUUID(), userId, null,
                        ProfileDetails.empty(kind), null), Caller.systemAuthority(), 30, TimeUnit.SECONDS);
                pending.remove(kind);
            } catch (RuntimeException e) {
                if (alreadyHasProfile(e)) {
                    pending.remove(kind);
                } else {
                    failed = true;
                }
            }
        }
        if (pending.isEmpty()) {
            cancelRetry(deadlines);
            SagaLifecycle.end();
        } else if (failed && retryDeadline == null) {
            failures++;
            retryDeadline = deadlines.schedule(backoff(failures), RETRY);
        }
    }

    static Duration backoff(int failures) {
        return Backoff.after(failures);
    }

    private void cancelRetry(DeadlineManager deadlines) {
        if (retryDeadline != null) {
            deadlines.cancelSchedule(RETRY, retryDeadline);
            retryDeadline = null;
        }
    }

    private static boolean alreadyHasProfile(Throwable e) {
        return DomainException.isFieldError(e, ProfileCommandHandler.EXISTS);
    }
}
