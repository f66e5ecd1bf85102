package io.shegong.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which to write rows that name each other by code: a row after the row of its
 * parent, whichever comes first in the file, and otherwise in the file's order. A cycle is left
 * in file order; the service then refuses the row whose parent is not there yet.
 */
final class Order {
    private Order() {
    }

    static List<Integer> parentsFirst(List<SheetRow> rows, String codeField, String parentField) {
        Map<String, Integer> byCode = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Object code = rows.get(i).cells().get(codeField);
            if (code != null) {
                byCode.putIfAbsent(text(code), i);
            }
        }
        Set<Integer> placed = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            place(i, rows, byCode, parentField, placed, new LinkedHashSet<>());
        }
        return new ArrayList<>(placed);
    }

    private static void place(int i, List<SheetRow> rows, Map<String, Integer> byCode, String parentField,
                              Set<Integer> placed, Set<Integer> visiting) {
        // no real hierarchy is deeper; a longer chain is written in file order rather than recursed
        if (placed.contains(i) || visiting.size() > 64 || !visiting.add(i)) {
            return;
        }
        Object parent = rows.get(i).cells().get(parentField);
        Integer p = parent == null ? null : byCode.get(text(parent));
        if (p != null && p != i) {
            place(p, rows, byCode, parentField, placed, visiting);
        }
        placed.add(i);
    }

    static String text(Object cell) {
        return cell instanceof java.math.BigDecimal n ? n.stripTrailingZeros().toPlainString() : cell.toString().strip();
    }
}
