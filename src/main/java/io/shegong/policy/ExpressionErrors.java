package io.shegong.policy;

import dev.cel.common.CelIssue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule expression's error as a bureau administrator can read it, in Chinese and English: where
 * it is (line and column, counted from 1) and what is wrong, without the parser's token lists or
 * the type names of the expression library.
 */
public final class ExpressionErrors {
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'");
    private static final Pattern OVERLOAD = Pattern.compile("found no matching overload for '([^']*)' applied to '\\(([^)]*)\\)'");
    private static final Pattern EXPECTED = Pattern.compile("expected type '([^']*)' but found '([^']*)'");
    private static final Pattern SYNTAX = Pattern.compile("(?:mismatched|extraneous) input '([^']*)'|no viable alternative at input '([^']*)'|token recognition error at: '([^']*)'");
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("_>_", ">"), Map.entry("_>=_", ">="), Map.entry("_<_", "<"), Map.entry("_<=_", "<="),
            Map.entry("_==_", "=="), Map.entry("_!=_", "!="), Map.entry("_+_", "+"), Map.entry("_-_", "-"),
            Map.entry("_*_", "*"), Map.entry("_/_", "/"), Map.entry("_%_", "%"), Map.entry("_&&_", "&&"),
            Map.entry("_||_", "||"), Map.entry("!_", "!"), Map.entry("@in", "in"), Map.entry("_[_]", "[]"));

    private ExpressionErrors() {
    }

    /** An expression that failed for a reason the compiler gave no place for. */
    static final Problem INVALID = new Problem(null, null, "无效的表达式", "Invalid expression");

    /** What is wrong and where (line and column from 1, null when unknown), in Chinese and English. */
    public record Problem(Integer line, Integer column, String messageZh, String messageEn) {
        /** One sentence in both languages, as `updatePolicyDraft` reports it. */
        public String sentence() {
            if (line == null) {
                return messageZh + " / " + messageEn;
            }
            return "表达式第" + line + "行第" + column + "列：" + messageZh + " / Expression, line " + line + ", column "
                    + column + ": " + messageEn;
        }
    }

    static Problem problem(CelIssue issue) {
        String[] what = what(issue.getMessage());
        return new Problem(issue.getSourceLocation().getLine(), issue.getSourceLocation().getColumn() + 1, what[0], what[1]);
    }

    /** The problem in Chinese and in English. */
    private static String[] what(String message) {
        Matcher m = UNDECLARED.matcher(message);
        if (m.find()) {
            return new String[]{"“" + m.group(1) + "”不是可用的变量或函数（可用的见政策配置说明）",
                    "'" + m.group(1) + "' is not a known variable or function (the profile documentation lists them)"};
        }
        m = OVERLOAD.matcher(message);
        if (m.find()) {
            String op = OPERATORS.getOrDefault(m.group(1), m.group(1));
            String types = m.group(2).replace(", ", " 与 ");
            return new String[]{"“" + op + "”不能用于 " + types,
                    "'" + op + "' cannot be applied to " + m.group(2).replace(", ", " and ")};
        }
        m = EXPECTED.matcher(message);
        if (m.find()) {
            return new String[]{"表达式须为条件（真或假），这里得到的是 " + m.group(2),
                    "the expression must be a condition (true or false), but this gives " + m.group(2)};
        }
        m = SYNTAX.matcher(message);
        if (m.find()) {
            String near = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if ("<EOF>".equals(near) || near.isEmpty()) {
                return new String[]{"表达式不完整", "the expression ends too early"};
            }
            return new String[]{"“" + near + "”处有语法错误", "the expression cannot be read at '" + near + "'"};
        }
        return new String[]{"表达式无效", "the expression is not valid"};
    }
}
