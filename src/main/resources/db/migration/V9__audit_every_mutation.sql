-- Every mutation leaves one audit entry in its own transaction: committed changes with the
-- fields they changed, and attempts refused as FORBIDDEN or CONFLICT.
ALTER TABLE audit_entry ALTER COLUMN entity DROP NOT NULL;
ALTER TABLE audit_entry ADD COLUMN outcome text NOT NULL DEFAULT 'COMMITTED'
    CHECK (outcome IN ('COMMITTED', 'REFUSED'));
ALTER TABLE audit_entry ADD COLUMN error_code text;
ALTER TABLE audit_entry ADD COLUMN request_id text;
CREATE INDEX audit_entry_target_idx ON audit_entry (tenant_id, entity_id, at DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (tenant_id, actor, at DESC);

-- Changes made by platform administrators (tenants themselves) have no tenant to be filed
-- under while they are made; they are kept here, readable and insertable, never changed.
CREATE TABLE platform_audit_entry (
    id          uuid PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('COMMITTED', 'REFUSED')),
    error_code  text,
    entity      text,
    entity_id   uuid,
    before      jsonb,
    after       jsonb,
    request_id  text
);
CREATE INDEX platform_audit_entry_at_idx ON platform_audit_entry (at DESC, id);
GRANT SELECT, INSERT ON platform_audit_entry TO ${appRole};

-- Keys clients send with creates so that a retry after a timeout returns the first result
-- instead of writing again. A key is the tenant's for 24 hours.
CREATE TABLE idempotency_key (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    key            text NOT NULL,
    operation      text NOT NULL,
    input_hash     text NOT NULL,
    payload_field  text,
    node_type      text,
    node_id        uuid,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);
ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_key
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON idempotency_key TO ${appRole};
