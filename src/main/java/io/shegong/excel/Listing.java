package io.shegong.excel;

import java.util.List;

/**
 * A drop-down list of a template: the values its cells offer, shown by label (a station kind's
 * 综合社工站) or by code (a division's code, since names repeat), and whether a cell must hold
 * one of them or may hold several separated by 、 (rooms, rules), which Excel's drop-downs cannot
 * check and so only offer.
 */
record Listing(String name, String titleZh, List<Choice> choices, boolean byCode, boolean strict) {

    static Listing labels(String name, String titleZh, List<Choice> choices) {
        return new Listing(name, titleZh, choices, false, true);
    }

    static Listing codes(String name, String titleZh, List<Choice> choices) {
        return new Listing(name, titleZh, choices, true, true);
    }

    static Listing several(String name, String titleZh, List<Choice> choices) {
        return new Listing(name, titleZh, choices, false, false);
    }

    String shown(Choice c) {
        return byCode ? c.code() : c.labelZh();
    }

    String other(Choice c) {
        return byCode ? c.labelZh() : c.code();
    }
}
