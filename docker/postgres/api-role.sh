#!/bin/sh
# Runs once, when the postgres image initialises an empty data directory: the public api's read-only login
# (README, "Database roles"). cms_delivery is the role migration V17 grants the published read model to; the
# api's login gets nothing else. An existing volume skips this script: run the same SQL by hand there.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v api_password="$CMS_API_DB_PASSWORD" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_delivery') THEN
    CREATE ROLE cms_delivery NOLOGIN;
  END IF;
END $$;
CREATE ROLE cms_api LOGIN PASSWORD :'api_password' IN ROLE cms_delivery;
SQL
