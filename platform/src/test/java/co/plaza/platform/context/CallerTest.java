package co.plaza.platform.context;

import co.plaza.platform.errors.DomainException;
import co.plaza.platform.errors.DomainException.Kind;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    private static final UUID ME = UUID.randomUUID();
    private static final UUID SOMEONE = UUID.randomUUID();

    private static Caller user(boolean staff) {
        return Caller.user(ME, staff, "corr-1", Caller.Consistency.EVENTUAL);
    }

    @Test
    void aHandlerReadsBackWhatTheEdgeSent() {
        MetaData sent = user(true).metaData();
        assertThat(sent.get(Caller.ACTOR_ID)).isEqualTo(ME.toString());
        assertThat(sent.get(Caller.ACTOR_STAFF)).isEqualTo(true);
        assertThat(sent.get(Caller.CORRELATION_ID)).isEqualTo("corr-1");

        Caller read = Caller.from(sent);
        assertThat(read.origin()).isEqualTo(Caller.Origin.USER);
        assertThat(read.actorId()).isEqualTo(ME);
        assertThat(read.staff()).isTrue();
        assertThat(read.correlationId()).isEqualTo("corr-1");
    }

    @Test
    void theOwnerAnAdminAndTheSystemMayChangeOthersMayNot() {
        user(false).requireOwnerOrStaff(ME);
        user(true).requireOwnerOrStaff(SOMEONE);
        Caller.system().requireOwnerOrStaff(SOMEONE);
        Caller.from(Caller.system().metaData()).requireOwnerOrStaff(SOMEONE);
        Caller.from(Caller.systemAuthority()).requireStaff();
        assertKind(() -> user(false).requireOwnerOrStaff(SOMEONE), Kind.FORBIDDEN);
        assertKind(() -> Caller.from(user(false).metaData()).requireOwnerOrStaff(SOMEONE), Kind.FORBIDDEN);
        assertKind(() -> user(false).requireStaff(), Kind.FORBIDDEN);
        user(true).requireStaff();
        Caller.system().requireStaff();
    }

    @Test
    void aMessageThatMerelyLacksAnActorIsRefusedByEveryCheck() {
        Caller nobody = Caller.from(MetaData.with(Caller.CORRELATION_ID, "corr-4"));
        assertThat(nobody.origin()).isEqualTo(Caller.Origin.ANONYMOUS);
        assertThat(nobody.mayChange(SOMEONE)).isFalse();
        assertKind(() -> nobody.requireOwnerOrStaff(SOMEONE), Kind.UNAUTHENTICATED);
        assertKind(nobody::requireStaff, Kind.UNAUTHENTICATED);
        assertKind(() -> Caller.from(MetaData.emptyInstance()).requireOwnerOrStaff(SOMEONE), Kind.UNAUTHENTICATED);
        // another kind of actor is no system: only the exact marker counts
        assertKind(() -> Caller.from(MetaData.with(Caller.ACTOR_KIND, "System")).requireStaff(), Kind.UNAUTHENTICATED);
    }

    @Test
    void theSystemMarkerOutranksTheCausingUser() {
        // a saga's command carries the causing user's id (copied for read-your-writes) and the system's authority
        MetaData sagaCommand = user(false).metaData().mergedWith(Caller.systemAuthority());
        Caller read = Caller.from(sagaCommand);
        assertThat(read.origin()).isEqualTo(Caller.Origin.SYSTEM);
        assertThat(read.actorId()).isNull();
        read.requireOwnerOrStaff(SOMEONE);
        assertThat(Caller.systemAuthority().keySet()).containsExactly(Caller.ACTOR_KIND);
    }

    @Test
    void anAnonymousCallerIsAskedToSignInAndHasNothingToSend() {
        Caller anonymous = Caller.anonymous("corr-2", Caller.Consistency.READ_YOUR_WRITES);
        assertKind(anonymous::metaData, Kind.UNAUTHENTICATED);
        assertKind(anonymous::requireActor, Kind.UNAUTHENTICATED);
        assertKind(() -> anonymous.requireOwnerOrStaff(SOMEONE), Kind.UNAUTHENTICATED);
        assertKind(anonymous::requireStaff, Kind.UNAUTHENTICATED);
        assertThat(anonymous.mayChange(SOMEONE)).isFalse();
    }

    @Test
    void actingAsKeepsTheRequestButNotTheRights() {
        Caller registering = Caller.anonymous("corr-3", Caller.Consistency.EVENTUAL).actingAs(SOMEONE);
        assertThat(registering.actorId()).isEqualTo(SOMEONE);
        assertThat(registering.staff()).isFalse();
        assertThat(registering.correlationId()).isEqualTo("corr-3");
        assertThat(registering.wantsEventual()).isTrue();
        assertThat(user(true).actingAs(SOMEONE).staff()).isFalse();
    }

    @Test
    void theSystemSendsItsKindAndNoActor() {
        MetaData sent = Caller.system().metaData();
        assertThat(sent.get(Caller.ACTOR_ID)).isNull();
        assertThat(sent.get(Caller.ACTOR_KIND)).isEqualTo(Caller.SYSTEM);
        assertThat(sent.get(Caller.CORRELATION_ID)).isNotNull();
        assertThat(Caller.from(sent).origin()).isEqualTo(Caller.Origin.SYSTEM);
    }

    private static void assertKind(Runnable action, Kind kind) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
