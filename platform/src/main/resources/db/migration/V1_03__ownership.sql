-- Who owns which aggregate, written in the owning command's own transaction by the ownership registry (a subscribing
-- processor), so a removed owner's aggregates are found without waiting for any read model (docs/adr/0010).
CREATE TABLE owned_aggregate (
    owner_id     UUID        NOT NULL,
    kind         VARCHAR(60) NOT NULL,
    aggregate_id UUID        NOT NULL,
    PRIMARY KEY (owner_id, kind, aggregate_id)
);
CREATE INDEX owned_aggregate_aggregate ON owned_aggregate (kind, aggregate_id);

-- Owners that are gone: an aggregate that comes to belong to one later (a command racing the deletion, a saga) is
-- queued for removal at once.
CREATE TABLE removed_owner (
    owner_id   UUID        NOT NULL PRIMARY KEY,
    removed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Removals still to send: the kind's removal command for the aggregate, retried with backoff until it is gone.
CREATE TABLE owned_removal (
    kind            VARCHAR(60)  NOT NULL,
    aggregate_id    UUID         NOT NULL,
    owner_id        UUID         NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error      VARCHAR(500),
    PRIMARY KEY (kind, aggregate_id)
);
CREATE INDEX owned_removal_due ON owned_removal (next_attempt_at);
