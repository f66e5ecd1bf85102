package io.shegong.core.db;

import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** Hands out sessions; the only way to reach the database. */
@Singleton
public class Sessions {
    private final DataSource dataSource;

    public Sessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A session bound to a tenant: every statement sees that tenant's rows only. */
    public Session forTenant(String tenantCode) {
        if (tenantCode == null || tenantCode.isBlank()) {
            throw new IllegalArgumentException("tenant code required");
        }
        return new Session(dataSource, tenantCode);
    }

    /** A session with no tenant: tenant tables read empty; only platform tables are usable. */
    public Session forPlatform() {
        return new Session(dataSource, null);
    }
}
