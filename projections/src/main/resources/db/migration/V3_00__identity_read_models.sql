-- Read models of users and profiles: disposable, rebuilt by replaying the event store.
CREATE TABLE user_view (
    id              UUID         NOT NULL PRIMARY KEY,
    legacy_id       BIGINT,
    username        VARCHAR(150) NOT NULL,
    email           VARCHAR(254),
    phone_number    VARCHAR(20),
    first_name      VARCHAR(150) NOT NULL DEFAULT '',
    last_name       VARCHAR(150) NOT NULL DEFAULT '',
    role            VARCHAR(20)  NOT NULL,
    is_staff        BOOLEAN      NOT NULL,
    is_active       BOOLEAN      NOT NULL,
    deleted         BOOLEAN      NOT NULL DEFAULT FALSE,
    profile_picture VARCHAR(1000),
    date_joined     TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX user_view_order ON user_view (date_joined DESC, id DESC);
CREATE INDEX user_view_legacy ON user_view (legacy_id);

CREATE TABLE profile_view (
    id          UUID        NOT NULL PRIMARY KEY,
    kind        VARCHAR(20) NOT NULL,
    legacy_id   BIGINT,
    user_id     UUID        NOT NULL,
    details     JSONB       NOT NULL,
    search_text TEXT        NOT NULL DEFAULT '',
    deleted     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL
);
CREATE INDEX profile_view_kind_order ON profile_view (kind, created_at DESC, id DESC);
CREATE INDEX profile_view_user ON profile_view (user_id, kind);

-- Which users are active, as the profile projection saw it: profiles of deactivated users are hidden.
CREATE TABLE profile_user_state (
    user_id UUID    NOT NULL PRIMARY KEY,
    active  BOOLEAN NOT NULL
);
