package io.shegong.core.time;

import java.time.ZoneId;

/**
 * The bureaus' default time zone: a tenant created without one keeps its days in Asia/Shanghai
 * (see `Tenant.timeZone`).
 */
public final class BureauTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauTime() {
    }

}
