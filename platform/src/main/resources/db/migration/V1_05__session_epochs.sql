-- In platform: every deployable (command side and query side alike) checks tokens against it.
-- Each user's session epoch (co.plaza.platform.security.SessionEpochs): moved by the credentials policy in the
-- transaction of an event that makes the user's older access tokens wrong (role change, deactivation, deletion,
-- password change or reset). Every deployable's token check reads it: the database is shared.
CREATE TABLE session_epoch (
    user_id UUID   NOT NULL PRIMARY KEY,
    epoch   BIGINT NOT NULL
);
