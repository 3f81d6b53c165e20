-- feewatch store, schema version 2: one row that every write locks first (SELECT … FOR UPDATE), so
-- that writers from several processes append to the audit trail one after the other instead of
-- racing for its next row.
CREATE TABLE IF NOT EXISTS write_lock (
    id  INT PRIMARY KEY
);
INSERT INTO write_lock (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM write_lock WHERE id = 1);
