-- Runs once, as the superuser, when the PostgreSQL data directory is first initialised
-- (mounted into /docker-entrypoint-initdb.d). Passwords come from the container's
-- environment (SHEGONG_OWNER_PASSWORD, SHEGONG_APP_PASSWORD); an unset one stops the init.
\set ON_ERROR_STOP on
\getenv owner_password SHEGONG_OWNER_PASSWORD
\getenv app_password SHEGONG_APP_PASSWORD

-- Owns the schema and runs the migrations.
CREATE ROLE shegong_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
    PASSWORD :'owner_password';

-- The service's role: owns nothing, so row-level security always applies to it.
CREATE ROLE shegong_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
    PASSWORD :'app_password';

CREATE DATABASE shegong OWNER shegong_owner;
REVOKE ALL ON DATABASE shegong FROM PUBLIC;
GRANT CONNECT ON DATABASE shegong TO shegong_app;

\connect shegong
-- Since PostgreSQL 15 the public schema belongs to pg_database_owner; make the owner role
-- its owner explicitly (it then holds CREATE by ownership). The migrations grant the
-- table privileges to shegong_app themselves.
ALTER SCHEMA public OWNER TO shegong_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO shegong_app;
