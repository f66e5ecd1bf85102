-- A row inserted without a tenant_id takes the tenant the transaction is bound to, so that
-- records need not carry it: the binding (Session) stays the one place that names the tenant,
-- and row-level security still checks every row written. With no tenant bound the default is
-- NULL and the insert fails.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['division', 'station_kind', 'station', 'station_status_change', 'social_worker',
                             'training_record', 'assignment', 'app_user', 'operator_station', 'supervision_visit',
                             'policy_profile', 'audit_entry', 'service_plan', 'idempotency_key'] LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN tenant_id SET DEFAULT NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid', t);
    END LOOP;
END
$$;
