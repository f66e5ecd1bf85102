package io.shegong.division;

import io.shegong.core.graphql.Identified;

import java.util.UUID;

public record Division(UUID id, String code, String level, String nameZh, String nameEn, UUID parentId,
                       Integer communityCount, String zone, int version) implements Identified {

    /** City, district, street, community: a parent is always of a lower rank than its children. */
    public enum Level { CITY, DISTRICT, STREET, COMMUNITY }

    public Level rank() {
        return Level.valueOf(level);
    }
}
