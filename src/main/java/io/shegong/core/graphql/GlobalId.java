package io.shegong.core.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Opaque global ids: base64url of `Type:uuid`. Clients must treat them as opaque strings. */
public record GlobalId(String type, UUID id) {

    public static String encode(String type, UUID id) {
        byte[] raw = (type + ":" + id).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Empty when the string is not a global id at all. */
    public static Optional<GlobalId> decode(String value) {
        if (value == null || value.length() > 100) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(raw.substring(0, colon), UUID.fromString(raw.substring(colon + 1))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
