-- The command side's view of media per host (caps, replacement, sweep), kept in the command's own transaction.
CREATE TABLE media_registry (
    media_id     UUID         NOT NULL PRIMARY KEY,
    storage_key  VARCHAR(300) NOT NULL,
    use          VARCHAR(30)  NOT NULL,
    related_type VARCHAR(30),
    related_id   UUID,
    uploaded_by  UUID,
    sort_order   INTEGER      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    deleted_at   TIMESTAMPTZ,
    blob_missing BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX media_registry_host ON media_registry (related_type, related_id, use) WHERE deleted_at IS NULL;
CREATE INDEX media_registry_key ON media_registry (storage_key);
