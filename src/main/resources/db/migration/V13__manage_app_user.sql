-- A bureau's administrators manage its users through the API: they create them with one-time
-- passwords, change their roles, disable and re-enable them and reset their passwords; a platform
-- administrator gives a new bureau its first administrator (in the tenant's creating transaction,
-- which the service's session binds to the new tenant for it).

-- Set whenever someone other than the user chose the password (a new user, a reset): the password
-- then only lets the user choose one of their own (POST /login/password).
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
-- When the user was disabled; null while active.
ALTER TABLE app_user ADD COLUMN disabled_at timestamptz;
-- Tokens from POST /login carry the generation they were issued in. Disabling the user, changing
-- their roles and resetting or changing their password start a new one, and a token of an older
-- generation is refused when its request binds the tenant: it would otherwise keep its roles, or
-- a disabled user's access, until it expires.
ALTER TABLE app_user ADD COLUMN token_generation integer NOT NULL DEFAULT 1 CHECK (token_generation >= 1);
ALTER TABLE app_user ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Users disabled before now are given this moment: they were disabled by then.
UPDATE app_user SET disabled_at = now() WHERE NOT active;
ALTER TABLE app_user ADD CONSTRAINT app_user_disabled_at_check CHECK (active = (disabled_at IS NULL));
-- A bureau's user holds bureau roles only: a PLATFORM_ADMIN role in a token that names a tenant
-- would pass for the platform's.
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
    CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['TENANT_ADMIN', 'STATION_OPERATOR', 'SUPERVISOR', 'VIEWER']);

-- Binds the transaction to a tenant, transaction-locally so that a pooled connection never
-- carries it into the next request, and answers the tenant's id, whether it is active and its
-- time zone (all null for an unknown code; an inactive tenant is bound to none). Given a username
-- and a token generation, it answers too whether that password login's token still holds: the
-- user exists, is active and is of that generation. One statement, so the check costs a request
-- no round trip of its own. Session (the service's one place that binds a tenant) calls it.
CREATE FUNCTION bind_tenant(p_code text, p_username text, p_generation integer,
                            OUT bound_tenant uuid, OUT tenant_active boolean, OUT tenant_zone text,
                            OUT login_current boolean)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    SELECT t.id, t.active, t.time_zone INTO bound_tenant, tenant_active, tenant_zone
      FROM public.tenant t WHERE t.code = p_code;
    PERFORM set_config('app.tenant_id', CASE WHEN tenant_active THEN bound_tenant::text ELSE '' END, true);
    -- read under the binding just made: row-level security shows this tenant's users only
    IF tenant_active AND p_username IS NOT NULL THEN
        login_current := EXISTS (SELECT 1 FROM public.app_user u
                                  WHERE u.username = p_username AND u.active AND u.token_generation = p_generation);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION bind_tenant(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bind_tenant(text, text, integer) TO ${appRole};
