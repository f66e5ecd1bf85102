package io.shegong.excel;

import java.util.Map;

/**
 * One data row of an uploaded sheet: its number as Excel shows it (a CSV's line), and its cells
 * by field name as read: text, a number (BigDecimal), a date-time or a boolean.
 */
record SheetRow(int number, Map<String, Object> cells) {
}
