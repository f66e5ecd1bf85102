-- The binding answers also how many changes the bureau has committed (V21's counter), in the
-- statement every request sends anyway: reads kept between requests (the tenant's divisions, the
-- brief's compliance) check it at no cost of their own. A tenant that has changed nothing yet
-- has no counter row and answers 0.
DROP FUNCTION bind_tenant(text, text, integer);
CREATE FUNCTION bind_tenant(p_code text, p_username text, p_generation integer,
                            OUT bound_tenant uuid, OUT tenant_active boolean, OUT tenant_zone text,
                            OUT login_current boolean, OUT tenant_changes bigint)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    SELECT t.id, t.active, t.time_zone INTO bound_tenant, tenant_active, tenant_zone
      FROM public.tenant t WHERE t.code = p_code;
    PERFORM set_config('app.tenant_id', CASE WHEN tenant_active THEN bound_tenant::text ELSE '' END, true);
    -- read under the binding just made: row-level security shows this tenant's rows only
    IF tenant_active THEN
        IF p_username IS NOT NULL THEN
            login_current := EXISTS (SELECT 1 FROM public.app_user u
                                      WHERE u.username = p_username AND u.active AND u.token_generation = p_generation);
        END IF;
        tenant_changes := coalesce((SELECT c.changes FROM public.tenant_change c), 0);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION bind_tenant(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bind_tenant(text, text, integer) TO ${appRole};
