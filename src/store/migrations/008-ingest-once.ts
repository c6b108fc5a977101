// Records are normalised once, at ingest: each source remembers the normaliser settings it was
// normalised with, and clean remembers the rules it checked with and the last record id it checked,
// so a first clean after an import only runs the rules on the new rows. New rows are no longer
// flagged dirty (dirty now means "normalise again": a newer export replaced the row, or a fix was asked).
// Two indexes become partial, so a bulk load does not build entries nothing looks up: rows are found
// by content only when they have no record code, and entity ids exist only once dedupe has run.
export const ingestOnceSchema = `
ALTER TABLE sources ADD COLUMN normalised_with TEXT;
ALTER TABLE clean_state ADD COLUMN rules_hash TEXT;
ALTER TABLE clean_state ADD COLUMN checked_through INTEGER NOT NULL DEFAULT 0;

DROP INDEX customers_hash;
CREATE INDEX customers_hash ON customers(row_hash) WHERE customer_code IS NULL;
DROP INDEX orders_hash;
CREATE INDEX orders_hash ON orders(row_hash) WHERE order_code IS NULL;
DROP INDEX feedback_hash;
CREATE INDEX feedback_hash ON feedback(row_hash) WHERE feedback_code IS NULL;
DROP INDEX tickets_hash;
CREATE INDEX tickets_hash ON tickets(row_hash) WHERE ticket_code IS NULL;
DROP INDEX customers_entity;
CREATE INDEX customers_entity ON customers(entity_id) WHERE entity_id IS NOT NULL;
`;
