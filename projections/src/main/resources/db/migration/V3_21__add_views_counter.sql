-- Detail views of ads. Not a read model: views are not events, so no replay or reset may touch this table.
CREATE TABLE add_views (
    add_id UUID   NOT NULL PRIMARY KEY,
    count  BIGINT NOT NULL
);
