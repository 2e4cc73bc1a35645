-- Which users are active, as the ads search projection saw it (its own processor, so it never waits on the
-- PostgreSQL ads projection): a new ad document of a deactivated owner starts hidden.
CREATE TABLE add_search_user_state (
    user_id UUID    NOT NULL PRIMARY KEY,
    active  BOOLEAN NOT NULL
);
