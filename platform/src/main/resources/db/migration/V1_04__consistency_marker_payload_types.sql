-- The payload types of the caller's last write, so the caller's next read waits only for the processors that
-- handle them; NULL (a marker written before this column) waits for every read model.
ALTER TABLE consistency_marker ADD COLUMN IF NOT EXISTS payload_types TEXT[];
