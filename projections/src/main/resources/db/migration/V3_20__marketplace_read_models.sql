-- Read models of ads, categories and follows: disposable, rebuilt by replaying the event store.
CREATE TABLE add_view (
    id          UUID          NOT NULL PRIMARY KEY,
    legacy_id   BIGINT,
    user_id     UUID          NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    description TEXT          NOT NULL DEFAULT '',
    price       NUMERIC(12,2),
    currency    VARCHAR(3)    NOT NULL,
    condition   VARCHAR(10)   NOT NULL,
    status      VARCHAR(10)   NOT NULL,
    category_id UUID,
    latitude    DOUBLE PRECISION,
    longitude   DOUBLE PRECISION,
    address     VARCHAR(255)  NOT NULL DEFAULT '',
    city        VARCHAR(100)  NOT NULL DEFAULT '',
    deleted     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL
);
CREATE INDEX add_view_user ON add_view (user_id, created_at DESC, id DESC);
CREATE INDEX add_view_category ON add_view (category_id);

-- Ad images from media events (use add_image, related to an ad); path relative, made absolute at the edge.
CREATE TABLE add_image_view (
    media_id   UUID          NOT NULL PRIMARY KEY,
    add_id     UUID          NOT NULL,
    path       VARCHAR(1000) NOT NULL,
    sort_order INT           NOT NULL
);
CREATE INDEX add_image_view_add ON add_image_view (add_id, sort_order, media_id);

-- Which users are active, as the ads projection saw it: ads of deactivated users are hidden.
CREATE TABLE add_user_state (
    user_id UUID    NOT NULL PRIMARY KEY,
    active  BOOLEAN NOT NULL
);

CREATE TABLE category_view (
    id          UUID         NOT NULL PRIMARY KEY,
    legacy_id   BIGINT,
    name        VARCHAR(100) NOT NULL,
    slug        VARCHAR(100) NOT NULL,
    description TEXT         NOT NULL DEFAULT '',
    parent_id   UUID,
    deleted     BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX category_view_parent ON category_view (parent_id);

CREATE TABLE follow_view (
    id          UUID        NOT NULL PRIMARY KEY,
    legacy_id   BIGINT,
    follower_id UUID        NOT NULL,
    followed_id UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX follow_view_follower ON follow_view (follower_id, created_at DESC);
CREATE INDEX follow_view_followed ON follow_view (followed_id);
