-- Platform-level registry of bureaus. It has no tenant_id: it is the list of tenants itself,
-- read by the service to resolve a token's tenant code and to refuse deactivated tenants.
CREATE TABLE tenant (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_-]{1,39}$'),
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    level       text NOT NULL CHECK (level IN ('DISTRICT', 'CITY')),
    region      text NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON tenant TO ${appRole};

-- Platform administrators belong to no tenant and can read nothing inside one.
CREATE TABLE platform_user (
    id            uuid PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    active        boolean NOT NULL DEFAULT true
);
GRANT SELECT, INSERT, UPDATE ON platform_user TO ${appRole};
