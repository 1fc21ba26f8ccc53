-- On each store server, in the kassa database, as kassa_owner (docs/deployment.md,
-- "Consolidation at head office"). Needs wal_level = logical. Run with
--   psql -v ON_ERROR_STOP=1 -v password=... -d kassa -f publish.sql
-- tests/core/postgres-head-office.test.ts runs this file.

-- The role head office connects as: it may stream changes and read the published tables.
CREATE ROLE kassa_replicator WITH LOGIN REPLICATION PASSWORD :'password';
GRANT SELECT ON sales, sale_lines, sale_tenders, sale_voids, z_reports, stock_movements
  TO kassa_replicator;

-- Inserts only: these tables are append-only, except sales (a void sets status, an annotation
-- sets customer and note). A void also inserts a sale_voids row, which is what head office reads.
CREATE PUBLICATION kassa_head_office
  FOR TABLE sales, sale_lines, sale_tenders, sale_voids, z_reports, stock_movements
  WITH (publish = 'insert');
