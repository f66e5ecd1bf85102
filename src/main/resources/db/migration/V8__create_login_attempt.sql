-- Password logins by (tenant code, username), counted to slow down password guessing: it holds
-- across replicas because it lives here. Platform-level, like `tenant`: it is keyed by the code a
-- client typed, which may name no tenant, so it has no tenant_id and no row-level security.
-- Platform administrators, who log in without a tenant, are counted under the tenant code ''.
--
-- The service role has no privilege on the table itself: it holds every tenant's usernames, so
-- reading it would cross tenants. The service reaches it only through the three functions below,
-- which answer about the one (tenant code, username) they are given and change nothing else.
CREATE TABLE login_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_code  text NOT NULL CHECK (tenant_code = '' OR tenant_code ~ '^[a-z][a-z0-9_-]{1,39}$'),
    username     text NOT NULL CHECK (length(username) <= 200),
    at           timestamptz NOT NULL DEFAULT now(),
    -- An attempt is recorded as failed before its password is checked, so that parallel attempts
    -- count at once, and marked succeeded afterwards if the password matched.
    succeeded    boolean NOT NULL DEFAULT false
);
CREATE INDEX login_attempt_key_idx ON login_attempt (tenant_code, username, at);

-- Starts one attempt. Answers retry_after > 0 (seconds, until the oldest of the counted failures
-- leaves the window) and records nothing when the key already has p_max_failures failures in the
-- last p_window_seconds since its last success; otherwise records a failed attempt and answers
-- its id. A success ends the count but keeps the failures before it.
CREATE FUNCTION login_attempt_begin(p_tenant_code text, p_username text, p_max_failures integer,
                                    p_window_seconds integer, OUT attempt_id bigint, OUT retry_after integer)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    window_start timestamptz := now() - make_interval(secs => p_window_seconds);
    last_success timestamptz;
    counted      integer;
    oldest       timestamptz;
BEGIN
    -- Attempts of one key queue here for the length of this short transaction, so that parallel
    -- requests cannot all read the count before any of them adds to it. Under READ COMMITTED
    -- the statements below see every attempt committed before the lock was granted.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_tenant_code || '/' || p_username, 0));
    SELECT max(a.at) INTO last_success
      FROM public.login_attempt a
     WHERE a.tenant_code = p_tenant_code AND a.username = p_username AND a.at > window_start AND a.succeeded;
    SELECT count(*), min(recent.at) INTO counted, oldest
      FROM (SELECT a.at FROM public.login_attempt a
             WHERE a.tenant_code = p_tenant_code AND a.username = p_username
               AND a.at > greatest(window_start, last_success) AND NOT a.succeeded
             ORDER BY a.at DESC
             LIMIT p_max_failures) recent;
    IF counted >= p_max_failures THEN
        retry_after := greatest(1, ceil(extract(epoch FROM
                oldest + make_interval(secs => p_window_seconds) - now())))::integer;
        RETURN;
    END IF;
    INSERT INTO public.login_attempt (tenant_code, username) VALUES (p_tenant_code, p_username)
        RETURNING id INTO attempt_id;
    retry_after := 0;
END
$$;

-- Marks a started attempt as succeeded once its password matched.
CREATE FUNCTION login_attempt_succeeded(p_attempt_id bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    UPDATE public.login_attempt SET succeeded = true WHERE id = p_attempt_id
$$;

-- Forgets attempts older than a day: long past any window, kept that long for whoever looks into
-- an incident (the service's log keeps every attempt). Answers how many were deleted.
CREATE FUNCTION login_attempt_prune() RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH gone AS (DELETE FROM public.login_attempt WHERE at < now() - interval '1 day' RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

REVOKE ALL ON FUNCTION login_attempt_begin(text, text, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION login_attempt_succeeded(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION login_attempt_prune() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION login_attempt_begin(text, text, integer, integer) TO ${appRole};
GRANT EXECUTE ON FUNCTION login_attempt_succeeded(bigint) TO ${appRole};
GRANT EXECUTE ON FUNCTION login_attempt_prune() TO ${appRole};

-- Platform administrators' password hashes. Until now the service role could read every one of
-- them (and change them); login needs one active user's hash at a time, and the demo loader the
-- first administrator. Each gets a function of its own and the table is closed to the service.
REVOKE ALL ON platform_user FROM ${appRole};

-- The hash of one active platform administrator, or NULL.
CREATE FUNCTION platform_login_hash(p_username text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT u.password_hash FROM public.platform_user u WHERE u.username = p_username AND u.active
$$;

-- Creates a platform administrator only while there is none, so that demo data can give a new
-- platform its first one; it can neither add one beside existing administrators nor change one.
-- Answers whether it created the user.
CREATE FUNCTION create_first_platform_user(p_username text, p_password_hash text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    -- Two replicas starting together must not each create one.
    LOCK TABLE public.platform_user IN SHARE ROW EXCLUSIVE MODE;
    IF EXISTS (SELECT 1 FROM public.platform_user) THEN
        RETURN false;
    END IF;
    INSERT INTO public.platform_user (id, username, password_hash) VALUES (gen_random_uuid(), p_username, p_password_hash);
    RETURN true;
END
$$;

REVOKE ALL ON FUNCTION platform_login_hash(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION create_first_platform_user(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_login_hash(text) TO ${appRole};
GRANT EXECUTE ON FUNCTION create_first_platform_user(text, text) TO ${appRole};
