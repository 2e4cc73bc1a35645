package co.plaza.app.api;

import co.plaza.platform.context.Caller;
import co.plaza.marketplace.api.AdCommands.CreateAdCommand;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.FollowEvents.UserUnfollowedEvent;
import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Response;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ownership registry and the removal queue of ADR 0011, seen in their tables. */
class OwnershipTest extends ApiTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    private int owned(UUID owner, String kind, UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM owned_aggregate WHERE owner_id = ? AND kind = ? "
                + "AND aggregate_id = ?", Integer.class, owner, kind, aggregate);
    }

    private int queued(String kind, UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM owned_removal WHERE kind = ? AND aggregate_id = ?",
                Integer.class, kind, aggregate);
    }

    @Test
    void theOwnerIsRecordedWithTheCommandAndForgottenWithTheRemoval() {
        Account seller = account("duena", "consumer");
        UUID addId = UUID.randomUUID();
        commands.sendAndWait(new CreateAdCommand(addId, seller.id(), null, new AdDetails("Silla", "", null, "COP",
                AdCondition.USED, null, null, null, "", "Pasto"), null, null, null), Caller.system().metaData(),
                30, TimeUnit.SECONDS);
        // no wait: the row commits with the ad
        assertThat(owned(seller.id(), "marketplace.Ad", addId)).isEqualTo(1);
        // the ad was created by the platform, not by the seller: the seller's reads do not wait for it
        await(() -> api.get("/api/adds/" + addId + "/", seller.token()).status() == 200, "the ad is projected");
        assertThat(api.delete("/api/adds/" + addId + "/", seller.token()).status()).isEqualTo(204);
        assertThat(owned(seller.id(), "marketplace.Ad", addId)).isZero();
    }

    private UUID follow(Account follower, Account followed) {
        Response r = api.post("/api/follows/", HttpApi.body("followed", followed.id().toString()), follower.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    private boolean unfollowed(UUID followId) {
        return eventStore.readEvents(followId.toString()).asStream()
                .anyMatch(e -> e.getPayload() instanceof UserUnfollowedEvent);
    }

    /**
     * A user (no admin) deleting their own account loses every follow, also those where they are the followed side,
     * which they could not remove themselves: the removals are the system's.
     */
    @Test
    void deletingOneselfRemovesEveryFollowInBothDirections() {
        Account me = account("sefue", "consumer");
        Account followed = account("seguido", "consumer");
        Account follower = account("seguidor", "consumer");
        UUID mine = follow(me, followed);
        UUID theirs = follow(follower, me);
        // as the followed side, the user may not remove the follow themselves
        assertThat(api.delete("/api/follows/" + theirs + "/", me.token()).status()).isIn(403, 404);

        assertThat(api.delete("/api/auth/users/" + me.id() + "/", me.token()).status()).isEqualTo(204);

        await(() -> unfollowed(mine) && unfollowed(theirs), "both follows removed");
        assertThat(queued("marketplace.Follow", mine) + queued("marketplace.Follow", theirs)).isZero();
        assertThat(owned(follower.id(), "marketplace.Follow", theirs)).isZero();
        assertThat(owned(followed.id(), "marketplace.Follow", mine)).isZero();
        await(() -> !api.get("/api/follows/", follower.token(), "X-Consistency", "eventual").raw()
                .contains(me.id().toString()), "the follower no longer lists the deleted user");
    }

    @Test
    void aRemovalThatFailsIsRetriedLaterWithoutHoldingUpTheOthers() {
        UUID broken = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        // a kind no declaration names fails every time; an ad that does not exist is a 404, i.e. already removed
        Timestamp queuedAt = jdbc.queryForObject("SELECT now()", Timestamp.class);
        jdbc.update("INSERT INTO owned_removal (kind, aggregate_id, owner_id, next_attempt_at) "
                + "VALUES ('test.Unknown', ?, ?, ?)", broken, owner, queuedAt);
        jdbc.update("INSERT INTO owned_removal (kind, aggregate_id, owner_id, next_attempt_at) "
                + "VALUES ('marketplace.Ad', ?, ?, ?)", gone, owner, queuedAt);
        try {
            await(() -> queued("marketplace.Ad", gone) == 0, "the removal after the failing one is done");
            await(() -> jdbc.queryForObject("SELECT attempts FROM owned_removal WHERE aggregate_id = ?", Integer.class,
                    broken) > 0, "the failing removal was tried");
            Map<String, Object> failing = jdbc.queryForMap("SELECT last_error, "
                    + "next_attempt_at >= CAST(? AS TIMESTAMPTZ) + INTERVAL '1 second' AS later "
                    + "FROM owned_removal WHERE aggregate_id = ?", queuedAt, broken);
            assertThat(failing.get("last_error").toString()).contains("test.Unknown");
            assertThat(failing.get("later")).as("retried later, not in a loop").isEqualTo(true);
        } finally {
            jdbc.update("DELETE FROM owned_removal WHERE aggregate_id = ?", broken);
        }
    }
}
