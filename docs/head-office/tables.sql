-- On head office, in its database, as a superuser (docs/deployment.md, "Consolidation at head
-- office"). First load the stores' table definitions, without keys, indexes or triggers:
--   pg_dump --schema-only --section=pre-data --no-owner --no-privileges \
--     -t sales -t sale_lines -t sale_tenders -t sale_voids -t z_reports -t stock_movements \
--     -d <a store> | psql -v ON_ERROR_STOP=1 -d head_office
-- then run this file:
--   psql -v ON_ERROR_STOP=1 -d head_office -f tables.sql
-- tests/core/postgres-head-office.test.ts runs both.
--
-- Every store numbers its rows from 1, so each row gets the store it came from, and the store is
-- in every key. A row's store is the name of the subscription that applies it.

CREATE FUNCTION kassa_row_store() RETURNS trigger AS $$
BEGIN
  IF NEW.store IS NULL THEN
    SELECT subname INTO NEW.store FROM pg_stat_subscription WHERE pid = pg_backend_pid();
  END IF;
  IF NEW.store IS NULL THEN
    RAISE EXCEPTION 'a row of % must come from a store''s subscription', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

ALTER TABLE sales ADD COLUMN store text NOT NULL, ADD PRIMARY KEY (store, id);
ALTER TABLE sale_lines ADD COLUMN store text NOT NULL, ADD PRIMARY KEY (store, id);
ALTER TABLE sale_tenders ADD COLUMN store text NOT NULL, ADD PRIMARY KEY (store, id);
ALTER TABLE sale_voids ADD COLUMN store text NOT NULL, ADD PRIMARY KEY (store, sale_id);
ALTER TABLE z_reports ADD COLUMN store text NOT NULL, ADD PRIMARY KEY (store, id);
ALTER TABLE stock_movements ADD COLUMN store text NOT NULL, ADD PRIMARY KEY (store, id);

-- A subscription's worker runs with session_replication_role = replica, where only triggers
-- enabled ALWAYS fire.
CREATE TRIGGER sales_store BEFORE INSERT ON sales
  FOR EACH ROW EXECUTE FUNCTION kassa_row_store();
CREATE TRIGGER sale_lines_store BEFORE INSERT ON sale_lines
  FOR EACH ROW EXECUTE FUNCTION kassa_row_store();
CREATE TRIGGER sale_tenders_store BEFORE INSERT ON sale_tenders
  FOR EACH ROW EXECUTE FUNCTION kassa_row_store();
CREATE TRIGGER sale_voids_store BEFORE INSERT ON sale_voids
  FOR EACH ROW EXECUTE FUNCTION kassa_row_store();
CREATE TRIGGER z_reports_store BEFORE INSERT ON z_reports
  FOR EACH ROW EXECUTE FUNCTION kassa_row_store();
CREATE TRIGGER stock_movements_store BEFORE INSERT ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION kassa_row_store();
ALTER TABLE sales ENABLE ALWAYS TRIGGER sales_store;
ALTER TABLE sale_lines ENABLE ALWAYS TRIGGER sale_lines_store;
ALTER TABLE sale_tenders ENABLE ALWAYS TRIGGER sale_tenders_store;
ALTER TABLE sale_voids ENABLE ALWAYS TRIGGER sale_voids_store;
ALTER TABLE z_reports ENABLE ALWAYS TRIGGER z_reports_store;
ALTER TABLE stock_movements ENABLE ALWAYS TRIGGER stock_movements_store;
