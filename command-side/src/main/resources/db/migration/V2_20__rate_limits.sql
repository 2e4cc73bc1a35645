-- Rate limits shared by every instance (failed logins and password guesses, SMS requests, registrations; ADR 0014):
-- one row per counted hit until its window has passed. key_hash is SHA-256 of the limit's name and the key (an
-- account id, an address, a phone number), so any text can be a key and none is stored in the clear. Hits on one
-- key are taken under a transaction-scoped advisory lock on the digest's first 8 bytes.
CREATE TABLE rate_limit_hit (
    id         BIGSERIAL   NOT NULL PRIMARY KEY,
    bucket     VARCHAR(40) NOT NULL,
    key_hash   BYTEA       NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX rate_limit_hit_key ON rate_limit_hit (key_hash, expires_at);
CREATE INDEX rate_limit_hit_expiry ON rate_limit_hit (expires_at);

-- its check-then-record counter raced (parallel failures all passed the check) and kept keys as typed
DROP TABLE auth_attempt;
