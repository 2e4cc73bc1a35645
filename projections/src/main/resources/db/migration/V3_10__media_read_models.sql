-- Media as readers see them; a media whose host was removed is hidden (a 404), the row stays for audit.
CREATE TABLE media_view (
    id           UUID         NOT NULL PRIMARY KEY,
    legacy_id    BIGINT,
    storage_key  VARCHAR(300) NOT NULL,
    media_type   VARCHAR(20)  NOT NULL,
    mime_type    VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    content_hash VARCHAR(64),
    use          VARCHAR(30)  NOT NULL,
    related_type VARCHAR(30),
    related_id   UUID,
    uploaded_by  UUID,
    sort_order   INTEGER      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    deleted      BOOLEAN      NOT NULL DEFAULT FALSE,
    hidden       BOOLEAN      NOT NULL DEFAULT FALSE,
    blob_missing BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX media_view_related ON media_view (related_type, related_id, sort_order) WHERE NOT deleted;
CREATE INDEX media_view_uploader ON media_view (uploaded_by, created_at DESC) WHERE NOT deleted;

-- Hosts removed (an ad or community deleted): media attached later to such a host stay hidden too.
CREATE TABLE media_removed_host (
    related_type VARCHAR(30) NOT NULL,
    related_id   UUID        NOT NULL,
    PRIMARY KEY (related_type, related_id)
);

-- The user's current picture (users-projection) and a specialist's work images (profiles-projection).
ALTER TABLE user_view ADD COLUMN profile_picture_media UUID;
CREATE TABLE profile_work_image (
    profile_id UUID    NOT NULL,
    media_id   UUID    NOT NULL PRIMARY KEY,
    sort_order INTEGER NOT NULL
);
CREATE INDEX profile_work_image_profile ON profile_work_image (profile_id, sort_order);
