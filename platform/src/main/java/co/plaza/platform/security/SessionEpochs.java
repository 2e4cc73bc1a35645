package co.plaza.platform.security;

import java.util.UUID;

/**
 * Each user's session epoch: a counter that moves when something about the account makes the access tokens issued
 * before it wrong (a role change, deactivation, deletion, a password change or reset). An access token carries the
 * epoch it was issued in ({@link TokenService#EPOCH_CLAIM}) and is refused once the user's epoch has moved past it,
 * so such a change ends the user's access tokens at once instead of when they expire.
 */
public interface SessionEpochs {

    /** The user's epoch as stored now: what a token issued now carries. */
    long current(UUID userId);

    /** The user's epoch for checking a token: at most a few seconds old (the check runs on every request). */
    long recent(UUID userId);

    /** Ends the user's access tokens issued so far; call in the transaction of the change that causes it. */
    void advance(UUID userId);
}
