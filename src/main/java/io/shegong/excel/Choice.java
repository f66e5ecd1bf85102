package io.shegong.excel;

import io.shegong.station.Station;
import io.shegong.worker.Assignment;
import io.shegong.worker.SocialWorker;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A value a sheet offers for a code: its label in Chinese, shown in drop-downs and exports, and
 * in English. A cell is read back by its code or either label, so that a sheet filled in by hand
 * with codes imports as well as one filled from the drop-downs.
 */
public record Choice(String code, String labelZh, String labelEn) {

    /** The code a cell names, by code or label; null when it names none of the choices. */
    static String resolve(List<Choice> choices, String cell) {
        String s = cell.strip();
        for (Choice c : choices) {
            if (c.code().equals(s) || c.labelZh().equals(s) || c.labelEn().equalsIgnoreCase(s)) {
                return c.code();
            }
        }
        for (Choice c : choices) {
            if (c.code().equalsIgnoreCase(s)) {
                return c.code();
            }
        }
        return null;
    }

    /** "综合社工站(comprehensive)、…" for a message that says what may be chosen. */
    static String listZh(List<Choice> choices) {
        String all = choices.stream().limit(30)
                .map(c -> c.labelZh().equals(c.code()) ? c.code() : c.labelZh() + "(" + c.code() + ")")
                .collect(Collectors.joining("、"));
        return choices.size() > 30 ? all + "…" : all;
    }

    static String listEn(List<Choice> choices) {
        String all = choices.stream().limit(30).map(Choice::code).collect(Collectors.joining(", "));
        return choices.size() > 30 ? all + ", …" : all;
    }

    static String labelZh(List<Choice> choices, String code) {
        return code == null ? null : choices.stream().filter(c -> c.code().equals(code)).map(Choice::labelZh)
                .findFirst().orElse(code);
    }

    // The bureaus' own words for the API's enums, as the schema's descriptions give them.
    static final List<Choice> STATUSES = of(Station.Status.class, Map.of(
            "PLANNED", "规划中/Planned", "SITE_SELECTED", "已选址/Site selected", "SIGNED", "已签约/Signed",
            "OPERATING", "运营中/Operating", "SUSPENDED", "暂停运营/Suspended", "CLOSED", "已关闭/Closed"));
    static final List<Choice> OPERATING_MODES = of(Station.OperatingMode.class, Map.of(
            "SELF_RUN", "街道自主运营/Self-run",
            "GOVERNMENT_AND_THIRD_PARTY", "政府管理+第三方服务/Government and third party",
            "MIXED", "混合运营/Mixed", "PURCHASED", "政府购买服务/Purchased"));
    static final List<Choice> EDUCATION = of(SocialWorker.EducationLevel.class, Map.of(
            "SECONDARY", "高中/中专及以下/Secondary", "COLLEGE", "大专/College", "BACHELOR", "本科/Bachelor",
            "MASTER", "硕士/Master", "DOCTORATE", "博士/Doctorate"));
    static final List<Choice> CERTIFICATES = of(SocialWorker.CertificateLevel.class, Map.of(
            "NONE", "无/None", "ASSISTANT", "助理社会工作师/Assistant",
            "INTERMEDIATE", "社会工作师/Intermediate", "SENIOR", "高级社会工作师/Senior"));
    static final List<Choice> ROLES = of(Assignment.Role.class, Map.of(
            "HEAD", "站长/Head", "DEPUTY_HEAD", "副站长/Deputy head", "SOCIAL_WORKER", "社工/Social worker",
            "SUPERVISOR", "督导/Supervisor"));
    static final List<Choice> LEVELS = of(io.shegong.division.Division.Level.class, Map.of(
            "CITY", "市/City", "DISTRICT", "区县/District", "STREET", "街道乡镇/Street", "COMMUNITY", "社区村/Community"));
    static final List<Choice> YES_NO = List.of(new Choice("true", "是", "yes"), new Choice("false", "否", "no"));
    static final List<Choice> SEVERITIES = List.of(new Choice("VIOLATION", "违规", "Violation"),
            new Choice("ADVISORY", "建议", "Advisory"), new Choice("INFO", "提示", "Info"));
    static final List<Choice> STANDINGS = List.of(new Choice("COMPLIANT", "合规", "Compliant"),
            new Choice("NOT_COMPLIANT", "不合规", "Not compliant"), new Choice("NO_PROFILE", "无政策配置", "No profile"),
            new Choice("NOT_CHECKED", "未检查", "Not checked"));

    private static <E extends Enum<E>> List<Choice> of(Class<E> type, Map<String, String> labels) {
        Function<E, Choice> choice = e -> {
            String[] zhEn = labels.get(e.name()).split("/(?=[A-Z])", 2);
            return new Choice(e.name(), zhEn[0], zhEn[1]);
        };
        return Arrays.stream(type.getEnumConstants()).map(choice).toList();
    }
}
