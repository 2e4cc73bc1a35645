-- The event of each caller's last write, so that caller's next read can wait for the read side to reach it.
CREATE TABLE consistency_marker (
    actor_id         UUID         NOT NULL PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL,
    global_position  BIGINT,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
