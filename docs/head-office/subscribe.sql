-- On head office, once per store, as a superuser (docs/deployment.md, "Consolidation at head
-- office"). The subscription's name is the store's name: it goes in the store column of every row.
--   psql -v ON_ERROR_STOP=1 -v store=store_a \
--     -v conninfo='host=store-a.example dbname=kassa user=kassa_replicator password=... sslmode=verify-full' \
--     -d head_office -f subscribe.sql
-- tests/core/postgres-head-office.test.ts runs this file.
CREATE SUBSCRIPTION :"store" CONNECTION :'conninfo' PUBLICATION kassa_head_office;
