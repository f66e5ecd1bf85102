package io.shegong.excel;

import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's refusal of a row, said in Chinese at the column it concerns. The services word
 * their refusals in English for the API; an import is read by a bureau's staff, so the refusals
 * a row can meet are given their Chinese here, and any other keeps the service's words after a
 * Chinese lead, never a stack trace or a class name.
 */
final class ServiceErrors {
    private record Rule(Pattern english, String chinese) {
    }

    // $1, $2 are the pattern's groups; {title} is the column's Chinese title
    private static final List<Rule> RULES = List.of(
            rule("(?:A|a) (?:station|division) with code '(.*)' already exists", "编码已存在：$1"),
            rule(".* must not be in the future.*", "「{title}」不能晚于今天"),
            rule("a new station cannot start CLOSED", "新站点的状态不能是“已关闭”"),
            rule("a (\\S+) station needs a domain", "该类型（$1）的站点须填写服务领域"),
            rule("a (\\S+) station cannot sit under a (\\S+) station.*", "站点类型 $1 不能设在类型为 $2 的上级站点之下"),
            rule("a street or community division needs a parent", "街道、社区级区划须填写上级区划"),
            rule("a (\\S+) division cannot sit under a (\\S+) division", "$1 级区划不能设在 $2 级区划之下"),
            rule("birthDate makes the worker younger than (\\d+)", "按出生日期，该社工不满 $1 岁"),
            rule("certificateDate is required with a certificate", "有证书等级时须填写取证日期"),
            rule("certificateDate given without a certificate level", "填写了取证日期，但证书等级为空或为“无”"),
            rule("certificateDate is before birthDate", "取证日期早于出生日期"),
            rule("endsOn must not be before startsOn", "离岗日期早于到岗日期"),
            rule("the station is closed", "该站点已关闭，不能再设岗位"),
            rule("The worker already holds a full-time post.*", "该社工同期已有专职岗位；一名社工同一时间只能在一个站点专职"),
            rule("The worker already holds a post at this station.*", "该社工同期在该站点已有岗位"),
            rule("heldOn is before the project starts, (.*)", "服务日期早于项目开始日期 $1"),
            rule("projectId is not a project of this station", "该项目不属于此站点"),
            rule("'(.*)' is not a (?:activity kind|beneficiary category) of the bureau's policy profile in force.*",
                    "「{title}」$1 不在本局政策配置的可选项中"),
            rule("category '(.*)' is given twice", "服务对象类别 $1 重复填写"),
            rule("hours must be .*|.*hours.* must be greater than 0.*", "「{title}」须大于 0，且不超过 1000"),
            rule(".* must be at most (\\d+) characters", "「{title}」过长，最多 $1 个字符"),
            rule(".* (?:must not be blank|is required|must not be null)", "「{title}」不能为空"),
            rule(".* must be between ([\\d.]+) and ([\\d.]+)", "「{title}」须在 $1 到 $2 之间"),
            rule(".* must be (?:greater|less) than or equal to (\\S+)", "「{title}」超出允许范围（界限 $1）"),
            rule(".* (?:must be lower-case|must match|must be an 18-character|may hold digits).*", "「{title}」格式不正确"));

    private ServiceErrors() {
    }

    private static Rule rule(String english, String chinese) {
        return new Rule(Pattern.compile(english, Pattern.DOTALL), chinese);
    }

    /**
     * The row error for a refusal: `columns` maps the command's fields (`divisionId`) to the
     * sheet's columns (`division`); a field it does not map is the row's as a whole.
     */
    static RowError of(RowReader row, ApiException e, Map<String, String> columns, Map<String, Column> sheet) {
        String field = e.field() == null ? null : e.field().replaceFirst("^input\\.", "").split("[.\\[]")[0];
        String column = field == null ? null : columns.getOrDefault(field, sheet.containsKey(field) ? field : null);
        String title = column == null ? "" : sheet.get(column).titleZh();
        return new RowError(row.number(), column, column == null ? null : row.raw(column),
                chinese(e, title), e.getMessage());
    }

    static String chinese(ApiException e, String title) {
        if (e.code() == ErrorCode.FORBIDDEN) {
            return "无权导入此行：只有租户管理员或该站点的站点操作员可以操作";
        }
        for (Rule r : RULES) {
            Matcher m = r.english().matcher(e.getMessage());
            if (m.matches()) {
                return m.replaceFirst(r.chinese().replace("{title}", Matcher.quoteReplacement(title)));
            }
        }
        return (title.isEmpty() ? "此行未被接受：" : "「" + title + "」未被接受：") + e.getMessage();
    }
}
