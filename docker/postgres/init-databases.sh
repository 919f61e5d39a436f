#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume: one database per
# service, named in BATON_DATABASES (comma-separated). Services also create their own if missing.
set -eo pipefail

for database in ${BATON_DATABASES//,/ }; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE \"$database\""
done
