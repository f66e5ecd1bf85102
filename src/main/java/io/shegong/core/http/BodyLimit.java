package io.shegong.core.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds request bodies to `shegong.http.max-body-size` (1 MB) everywhere but the spreadsheet
 * upload, which takes files of a few MB: the server's own limit (`micronaut.server.max-request-size`)
 * is the upload's, and is one limit for every route. A declared length over the limit is refused
 * before the body is read; a body sent without one stops at the server's limit.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BodyLimit {
    private static final Logger LOG = LoggerFactory.getLogger(BodyLimit.class);
    static final String UPLOAD_PATH = "/excel/import/";

    private final long maxBodySize;

    public BodyLimit(@Value("${shegong.http.max-body-size:1MB}") @ReadableBytes long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getContentLength() > maxBodySize && !request.getPath().startsWith(UPLOAD_PATH)) {
            LOG.info("Refused {} {}: body too large", request.getMethod(), request.getPath());
            return HttpErrors.tooLarge();
        }
        return null;
    }
}
