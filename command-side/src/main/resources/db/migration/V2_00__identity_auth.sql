-- Command-side state of authentication. user_credentials is a projection kept in the command's own
-- transaction (subscribing processor), never served to clients: hashes stay here and in the event store.
CREATE TABLE user_credentials (
    user_id       UUID         NOT NULL PRIMARY KEY,
    username      VARCHAR(150) NOT NULL,
    username_key  VARCHAR(600) NOT NULL,
    email_key     VARCHAR(1000),
    email_login   BOOLEAN      NOT NULL,
    phone_number  VARCHAR(20),
    password_hash VARCHAR(512),
    active        BOOLEAN      NOT NULL,
    deleted       BOOLEAN      NOT NULL DEFAULT FALSE,
    staff         BOOLEAN      NOT NULL
);
CREATE INDEX user_credentials_username ON user_credentials (username_key);
CREATE INDEX user_credentials_email ON user_credentials (email_key) WHERE email_login;
CREATE INDEX user_credentials_phone ON user_credentials (phone_number);

-- Refresh tokens are stored hashed; a family is one login, rotated on each use.
CREATE TABLE refresh_token (
    id          UUID        NOT NULL PRIMARY KEY,
    family_id   UUID        NOT NULL,
    user_id     UUID        NOT NULL,
    token_hash  VARCHAR(64) NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);

-- Sliding-window throttling shared by every instance (failed logins, SMS requests).
CREATE TABLE auth_attempt (
    bucket VARCHAR(40)  NOT NULL,
    key    VARCHAR(600) NOT NULL,
    at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX auth_attempt_lookup ON auth_attempt (bucket, key, at);

CREATE TABLE password_reset_code (
    phone_number VARCHAR(20) NOT NULL PRIMARY KEY,
    user_id      UUID        NOT NULL,
    code_hash    VARCHAR(64) NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    attempts     INT         NOT NULL DEFAULT 0,
    used_at      TIMESTAMPTZ
);
