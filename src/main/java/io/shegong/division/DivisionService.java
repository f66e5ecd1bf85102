package io.shegong.division;

import graphql.schema.DataFetchingEnvironment;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Like;
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
        String text = Like.contains(filter.text());
        return Connection.of(divisions.page(filter.level(), filter.parentId(), filter.roots(), text, filter.zone(),
                        w.afterKey(), w.limit() + 1), w,
                Division::code, Division::id, () -> divisions.count(filter.level(), filter.parentId(), filter.roots(),
                        text, filter.zone()));
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
            Division parent = divisions.findById(parentId)
                    .orElseThrow(() -> ApiException.badInput(in.path("parentId"), "parentId is not a division of this tenant"));
            if (parent.rank().ordinal() >= level.ordinal()) {
                throw ApiException.badInput(in.path("parentId"),
                        "a " + level + " division cannot sit under a " + parent.level() + " division");
            }
        }
        if (divisions.existsByCode(code)) {
            throw ApiException.conflict(in.path("code"), "A division with code '" + code + "' already exists");
        }
        Division d = new Division(UUID.randomUUID(), code, level.name(), nameZh, nameEn, parentId, communities, zone, 1,
                null, null);
        return ctx.session().atomically(() -> divisions.save(d));
    }

    public Division update(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        UUID id = in.requiredId("id", "Division");
        int version = in.requiredInteger("version");
        // Read first, in the same transaction: a failed version check below then means someone
        // else changed the division, not that it is hidden or gone.
        Division current = divisions.findById(id)
                .orElseThrow(() -> ApiException.notFound(in.path("id"), "Division"));
        Division changed = current.changed(
                in.has("nameZh") ? in.requiredText("nameZh", Input.MAX_TEXT) : current.nameZh(),
                in.has("nameEn") ? in.text("nameEn", Input.MAX_TEXT) : current.nameEn(),
                in.has("communityCount") ? in.integer("communityCount", 0, 10_000) : current.communityCount(),
                in.has("zone") ? in.text("zone", 40) : current.zone(),
                version);
        return ctx.session().atomically(() -> {
            try {
                return divisions.update(changed);
            } catch (OptimisticLockException stale) {
                throw ApiException.conflict(in.path("version"),
                        "The division was changed by someone else (now version " + current.version() + ")");
            }
        });
    }

    static Map<String, Object> payload(Division d) {
        return Map.of("division", d);
    }
}
