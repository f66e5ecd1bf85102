package io.shegong.division;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Like;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.security.Caller;
import io.shegong.division.DivisionCommands.CreateDivision;
import io.shegong.division.DivisionCommands.UpdateDivision;
import io.shegong.core.time.BureauCalendar;
import io.shegong.policy.PolicyVocabularies;
import jakarta.inject.Singleton;

import java.time.LocalDate;

import java.util.Map;
import java.util.UUID;

@Singleton
public class DivisionService {
    private final DivisionRepository divisions;
    private final DivisionAttributesRepository history;
    private final BureauCalendar calendar;
    private final PolicyVocabularies vocabularies;

    public DivisionService(DivisionRepository divisions, DivisionAttributesRepository history, BureauCalendar calendar,
                           PolicyVocabularies vocabularies) {
        this.divisions = divisions;
        this.history = history;
        this.calendar = calendar;
        this.vocabularies = vocabularies;
    }

    public Connection<Division> list(Caller caller, DivisionRepository.Filter filter, Connection.Window w) {
        caller.requireTenantMember();
        String text = Like.contains(filter.text());
        return Connection.of(divisions.page(filter.level(), filter.parentId(), filter.roots(), text, filter.zone(),
                        w.afterKey(), w.limit() + 1), w,
                Division::code, Division::id, () -> divisions.count(filter.level(), filter.parentId(), filter.roots(),
                        text, filter.zone()));
    }

    public Division create(Caller caller, CreateDivision c) {
        caller.requireTenantAdmin();
        Division.Level level = c.level();
        if (c.parentId() == null && level != Division.Level.CITY && level != Division.Level.DISTRICT) {
            throw ApiException.badInput("input.parentId", "a street or community division needs a parent");
        }
        if (c.parentId() != null) {
            Division parent = divisions.findById(c.parentId())
                    .orElseThrow(() -> ApiException.badInput("input.parentId", "parentId is not a division of this tenant"));
            if (parent.rank().ordinal() >= level.ordinal()) {
                throw ApiException.badInput("input.parentId",
                        "a " + level + " division cannot sit under a " + parent.level() + " division");
            }
        }
        // a zone the profile in force does not declare would match none of its staffing cases
        vocabularies.today().require("zones", "input.zone", c.zone());
        if (divisions.existsByCode(c.code())) {
            throw ApiException.conflict("input.code", "A division with code '" + c.code() + "' already exists");
        }
        return divisions.save(new Division(UUID.randomUUID(), c.code(), level.name(), c.nameZh(), c.nameEn(),
                c.parentId(), c.communityCount(), c.zone(), 1, null, null));
    }

    public Division update(Caller caller, UpdateDivision c) {
        caller.requireTenantAdmin();
        // Read first, in the same transaction: a failed version check below then means someone
        // else changed the division, not that it is hidden or gone.
        Division current = divisions.findById(c.id())
                .orElseThrow(() -> ApiException.notFound("input.id", "Division"));
        if (c.sent().contains("nameZh") && c.nameZh() == null) {
            throw ApiException.badInput("input.nameZh", "nameZh cannot be removed");
        }
        if (c.sent().contains("zone")) {
            vocabularies.today().require("zones", "input.zone", c.zone());
        }
        Division changed = current.changed(
                c.nameZh() != null ? c.nameZh() : current.nameZh(),
                c.sent().contains("nameEn") ? c.nameEn() : current.nameEn(),
                c.sent().contains("communityCount") ? c.communityCount() : current.communityCount(),
                c.sent().contains("zone") ? c.zone() : current.zone(),
                c.version());
        boolean attributes = c.sent().contains("communityCount") || c.sent().contains("zone");
        LocalDate from = attributes ? attributesFrom(c) : null;
        Division saved;
        try {
            saved = divisions.update(changed);
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version",
                    "The division was changed by someone else (now version " + current.version() + ")");
        }
        if (attributes) {
            history.save(new DivisionAttributes(UUID.randomUUID(), current.id(), from, saved.communityCount(),
                    saved.zone(), caller.subject(), null));
        }
        return saved;
    }

    /**
     * The day new staffing attributes take effect: compliance on earlier dates keeps reading the
     * old ones. Not in the future, since the division's own fields show them from now on, and not
     * before the last change, which would rewrite what a past report said.
     */
    private LocalDate attributesFrom(UpdateDivision c) {
        LocalDate today = calendar.today();
        LocalDate from = c.attributesEffectiveOn() == null ? today : c.attributesEffectiveOn();
        if (from.isAfter(today)) {
            throw ApiException.badInput("input.attributesEffectiveOn", "attributesEffectiveOn must not be in the future (today is " + today + ")");
        }
        history.latestChange(c.id()).filter(from::isBefore).ifPresent(last -> {
            throw ApiException.badInput("input.attributesEffectiveOn",
                    "attributesEffectiveOn must not be before the last change of the attributes, " + last);
        });
        return from;
    }

    static Map<String, Object> payload(Division d) {
        return Map.of("division", d);
    }
}
