package io.shegong.policy;

import io.shegong.core.error.ApiException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A bureau's service catalogue: models (Wuhan "1+4+N", Shangcheng "123N" and "13N", Yangpu's
 * flat menu, ...) made of slots with cardinalities and the items under them, plus the kinds of
 * activity that must never be listed as a station's services.
 */
public record Catalogue(List<Model> models, List<Item> excluded) {

    /**
     * An item of a slot, or an excluded activity. An excluded activity's `keywords` are the
     * bureau's own reading of the document: a project whose name or description holds one may be
     * that activity, which a project only labelled otherwise would hide.
     */
    public record Item(String code, String labelZh, String labelEn, List<String> keywords) {
    }

    /** `maximum` null means unbounded (the "N" of a model). */
    /** `eachItem`: every item of the slot must be planned (Shangcheng's "13N": 社区协商, 两邻文化 and 骨干培养 each). */
    public record Slot(String code, String labelZh, String labelEn, int minimum, Integer maximum, List<Item> items,
                       boolean eachItem) {
    }

    /** A plan that misses a slot's cardinality weighs what the model's wording sets. */
    public record Model(String code, String labelZh, String labelEn, PolicyDocument.Basis basis, List<String> kinds,
                        List<Slot> slots) {
        public String source() {
            return basis.source();
        }

        public String wording() {
            return basis.wording();
        }

        public PolicyDocument.Severity severity() {
            return basis.severity();
        }
    }

    /** The model a station of this kind plans to, if any. */
    public java.util.Optional<Model> modelFor(String kind) {
        return models.stream().filter(m -> m.kinds().contains(kind)).findFirst();
    }

    public static final Catalogue EMPTY = new Catalogue(List.of(), List.of());

    static Catalogue parse(DocumentReader doc) {
        DocumentReader c = doc.object("catalogue");
        if (c == null) {
            return EMPTY;
        }
        List<Model> models = c.objects("models", (m, i) -> new Model(m.text("code", true), m.text("labelZh", true),
                m.text("labelEn", true), PolicyParser.basis(m, null), m.codes("kinds"), m.objects("slots", Catalogue::slot)));
        Set<String> modelCodes = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            if (!modelCodes.add(models.get(i).code())) {
                throw ApiException.badInput(c.at("models") + "[" + i + "].code", "model code used twice");
            }
            if (models.get(i).slots().isEmpty()) {
                throw ApiException.badInput(c.at("models") + "[" + i + "].slots", "a model needs at least one slot");
            }
        }
        return new Catalogue(models, c.objects("excluded", (e, i) -> item(e)));
    }

    private static Slot slot(DocumentReader s, int i) {
        Object min = s.raw("minimum");
        if (min instanceof Number n && n.intValue() < 0) {
            throw ApiException.badInput(s.at("minimum"), "minimum must not be negative");
        }
        int minimum = min == null ? 0 : s.integer("minimum", 0);
        Integer maximum = s.integer("maximum", 0);
        if (maximum != null && (maximum == 0 || maximum < minimum)) {
            throw ApiException.badInput(s.at("maximum"),
                    "impossible cardinality: at least " + minimum + " and at most " + maximum);
        }
        List<Item> items = s.objects("items", (it, j) -> item(it));
        if (!items.isEmpty() && minimum > items.size() && maximum != null) {
            throw ApiException.badInput(s.at("minimum"), "minimum exceeds the number of items");
        }
        boolean eachItem = s.bool("eachItem");
        if (eachItem && items.isEmpty()) {
            throw ApiException.badInput(s.at("eachItem"), "eachItem needs the slot's items");
        }
        return new Slot(s.code("code", true), s.text("labelZh", true), s.text("labelEn", true), minimum, maximum, items,
                eachItem);
    }

    private static Item item(DocumentReader r) {
        return new Item(r.code("code", true), r.text("labelZh", true), r.text("labelEn", false), r.texts("keywords"));
    }
}
