package io.shegong.excel;

import java.util.List;

/**
 * One sheet of an export: its name, Chinese headings and rows of values (text, numbers, dates,
 * yes/no), written as the types they are so that a date sorts and filters as a date in Excel.
 */
record Table(String sheet, List<String> headings, List<List<Object>> rows) {
}
