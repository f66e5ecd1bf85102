package io.shegong.console;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.net.URL;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web console: a single-page app built by `console/` into `public/console/` on the classpath.
 * A file that exists is served as itself; any other path under /console/ is one of the app's own
 * routes (a deep link such as /console/stations/…), so it gets index.html and the app's router
 * reads the path. The files are public: everything they show comes from /graphql with the user's
 * token.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class ConsoleController {
    static final String ROOT = "classpath:public/console/";
    // Vite names built assets by content hash, so a browser may keep them for good.
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    // index.html names the current assets, so it is checked on every load.
    private static final String REVALIDATE = "no-cache";
    // antd writes its styles as <style> elements at run time, hence 'unsafe-inline' for styles only.
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'";
    private static final Pattern SAFE_PATH = Pattern.compile("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$");

    private final ResourceResolver resources;

    public ConsoleController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get
    public HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create("/console/"));
    }

    // the router takes /console and /console/ as one route; the app's own router takes either
    @Get("/console")
    public HttpResponse<?> index() {
        return file("index.html");
    }

    @Get("/console/{+path}")
    public HttpResponse<?> path(@PathVariable String path) {
        // no "..", no empty segments, no encoded tricks: only names a build could have written
        if (SAFE_PATH.matcher(path).matches() && !path.contains("..")) {
            Optional<URL> found = resources.getResource(ROOT + path);
            if (found.isPresent() && !path.endsWith("/")) {
                return serve(found.get(), path);
            }
            if (path.startsWith("assets/")) {
                // a missing asset is a stale or wrong link: index.html in its place would be parsed as script
                return HttpResponse.notFound();
            }
        }
        return file("index.html");
    }

    private HttpResponse<?> file(String name) {
        return resources.getResource(ROOT + name)
                .<HttpResponse<?>>map(url -> serve(url, name))
                .orElseGet(() -> HttpResponse.notFound("The console is not built: run ./mvnw package"));
    }

    private static HttpResponse<?> serve(URL url, String name) {
        MediaType type = MediaType.forFilename(name);
        MutableHttpResponse<StreamedFile> response = HttpResponse.ok(new StreamedFile(url))
                .contentType(type)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, name.startsWith("assets/") ? IMMUTABLE : REVALIDATE);
        if (name.endsWith(".html")) {
            response.header("Content-Security-Policy", POLICY);
        }
        return response;
    }
}
