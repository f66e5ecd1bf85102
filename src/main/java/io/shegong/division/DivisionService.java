package io.shegong.division;

import graphql.schema.DataFetchingEnvironment;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

@Singleton
public class DivisionService {
    private final DivisionRepository divisions;

    public DivisionService(DivisionRepository divisions) {
        this.divisions = divisions;
    }

    public Connection<Division> list(DataFetchingEnvironment env) {
        RequestContext ctx = RequestContext.of(env);
        ctx.caller().requireTenantMember();
        Input f = new Input(env.getArgument("filter"), "filter");
        DivisionRepository.Filter filter = new DivisionRepository.Filter(
                f.text("level", 20), f.id("parentId", "Division"), f.bool("roots"), f.text("text", 100), f.text("zone", 40));
        Connection.Window w = Connection.window(env);
        return Connection.of(divisions.page(ctx.session(), filter, w.afterKey(), w.limit()), w,
                Division::code, Division::id, () -> divisions.count(ctx.session(), filter));
    }

    public Division create(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        String code = in.code("code");
        if (code == null) {
            throw ApiException.badInput(in.path("code"), "code is required");
        }
        Division.Level level = in.enumValue("level", Division.Level.class);
        String nameZh = in.requiredText("nameZh", Input.MAX_TEXT);
        String nameEn = in.text("nameEn", Input.MAX_TEXT);
        UUID parentId = in.id("parentId", "Division");
        Integer communities = in.integer("communityCount", 0, 10_000);
        String zone = in.text("zone", 40);
        if (parentId == null && level != Division.Level.CITY && level != Division.Level.DISTRICT) {
            throw ApiException.badInput(in.path("parentId"), "a street or community division needs a parent");
        }
        if (parentId != null) {
            Division parent = divisions.byId(ctx.session(), parentId)
                    .orElseThrow(() -> ApiException.badInput(in.path("parentId"), "parentId is not a division of this tenant"));
            if (parent.rank().ordinal() >= level.ordinal()) {
                throw ApiException.badInput(in.path("parentId"),
                        "a " + level + " division cannot sit under a " + parent.level() + " division");
            }
        }
        if (divisions.byCode(ctx.session(), code).isPresent()) {
            throw ApiException.conflict(in.path("code"), "A division with code '" + code + "' already exists");
        }
        Division d = new Division(UUID.randomUUID(), code, level.name(), nameZh, nameEn, parentId, communities, zone, 1);
        return ctx.session().atomically(() -> {
            divisions.insert(ctx.session(), d);
            return d;
        });
    }

    public Division update(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        UUID id = in.requiredId("id", "Division");
        int version = in.requiredInteger("version");
        Division current = divisions.byId(ctx.session(), id)
                .orElseThrow(() -> ApiException.notFound(in.path("id"), "Division"));
        Division changed = new Division(id, current.code(), current.level(),
                in.has("nameZh") ? in.requiredText("nameZh", Input.MAX_TEXT) : current.nameZh(),
                in.has("nameEn") ? in.text("nameEn", Input.MAX_TEXT) : current.nameEn(),
                current.parentId(),
                in.has("communityCount") ? in.integer("communityCount", 0, 10_000) : current.communityCount(),
                in.has("zone") ? in.text("zone", 40) : current.zone(),
                version + 1);
        return ctx.session().atomically(() -> {
            if (!divisions.update(ctx.session(), changed, version)) {
                throw ApiException.conflict(in.path("version"),
                        "The division was changed by someone else (now version " + current.version() + ")");
            }
            return changed;
        });
    }

    static Map<String, Object> payload(Division d) {
        return Map.of("division", d);
    }
}
