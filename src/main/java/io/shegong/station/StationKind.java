package io.shegong.station;

import java.util.List;

/** One entry of a bureau's list of station kinds. */
public record StationKind(String code, String labelZh, String labelEn, String level, List<String> parentKinds,
                          boolean requiresDomain) {
}
