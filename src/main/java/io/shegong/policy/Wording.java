package io.shegong.policy;

import io.shegong.policy.PolicyDocument.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * The modal words of a rule's wording, which decide how much the rule may weigh. Requirement
 * words (必须, 应, 须, 不得, 严禁, 不超过) make a VIOLATION; advice words (原则上, 一般, 可, 因地制宜, 优先,
 * 鼓励) make an ADVISORY, and they win over requirement words, since a softening word governs the
 * sentence it softens ("原则上应…", "一般不少于…"). Words with neither set no obligation, so they
 * can make an ADVISORY but never a VIOLATION: a wrong VIOLATION costs a bureau more than a
 * missing one.
 */
final class Wording {
    /** 不超过 states a ceiling that binds (最长不超过3年, "shall not exceed"), as 不得超过 would. */
    private static final List<String> REQUIREMENT = List.of("必须", "不得", "严禁", "不超过", "应", "须");
    private static final List<String> ADVICE = List.of("原则上", "一般", "因地制宜", "优先", "鼓励", "可");
    /**
     * Compounds that contain a modal character without its sense ("具备相应能力", "无须",
     * "群众认可", "一般公共预算"), blanked before the words are looked for.
     */
    private static final List<String> NOT_MODAL = List.of("相应", "对应", "适应", "响应", "回应", "供应", "应用",
            "反应", "效应", "应急", "顺应", "呼应", "照应", "答应", "无须", "毋须", "不须", "认可", "许可", "可持续",
            "不可", "一般公共");

    private Wording() {
    }

    static List<String> advice(String wording) {
        return found(ADVICE, wording);
    }

    static List<String> requirements(String wording) {
        return found(REQUIREMENT, wording);
    }

    /** The severity the words give a rule the bureau does not weigh itself: ADVISORY unless they require. */
    static Severity implied(String wording) {
        return advice(wording).isEmpty() && !requirements(wording).isEmpty() ? Severity.VIOLATION : Severity.ADVISORY;
    }

    /** Why the words refuse a severity, or null when they allow it. */
    static String contradiction(String wording, Severity severity, boolean bureauSetting) {
        List<String> advice = advice(wording);
        List<String> required = requirements(wording);
        if (bureauSetting) {
            return severity == Severity.VIOLATION
                    ? "a bureau setting is never a VIOLATION: the document does not set what it measures against" : null;
        }
        if (!advice.isEmpty()) {
            return severity == Severity.ADVISORY ? null
                    : quoted(advice) + " makes the rule ADVISORY, not " + severity;
        }
        if (!required.isEmpty()) {
            return severity == Severity.VIOLATION ? null
                    : quoted(required) + " with no advice word makes the rule a VIOLATION, not " + severity;
        }
        return severity == Severity.VIOLATION
                ? "it has no requirement word (必须, 应, 须, 不得, 严禁, 不超过), so it cannot make a VIOLATION" : null;
    }

    /** Each word once, a compound before its last character, so that 须 inside 必须 is not counted again. */
    private static List<String> found(List<String> words, String wording) {
        String text = plain(wording);
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (text.contains(w)) {
                out.add(w);
                text = text.replace(w, "　");
            }
        }
        return out;
    }

    private static String plain(String wording) {
        String text = wording;
        for (String compound : NOT_MODAL) {
            text = text.replace(compound, "　");
        }
        return text;
    }

    private static String quoted(List<String> words) {
        return String.join("", words.stream().map(w -> "“" + w + "”").toList());
    }
}
