package io.shegong.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.shegong.core.error.ApiException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared schema that rule expressions are checked against, and the values a worker gives
 * them on a date. Expressions are CEL: safe, side-effect free and not Turing-complete.
 *
 * <p>The variables and the one function an expression may name are listed, with their types and
 * what they hold, in {@code NAMES}.
 */
public final class WorkerFacts {
    public static final List<String> EDUCATION = List.of("SECONDARY", "COLLEGE", "BACHELOR", "MASTER", "DOCTORATE");
    public static final List<String> CERTIFICATES = List.of("NONE", "ASSISTANT", "INTERMEDIATE", "SENIOR");
    /** Designation levels, lowest first: `levelRank` is the place here plus one. */
    public static final List<String> LEVELS = List.of("DISTRICT", "CITY", "PROVINCIAL", "NATIONAL");
    private static final MapType TRAINING = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true).build();

    /**
     * What an expression may name: declared here once, for the compiler and for the editor that
     * lists them to the person writing a condition (`checkPolicyConditions`).
     */
    public record Name(String name, String kind, String type, String descriptionZh, String descriptionEn) {
    }

    private static final List<Name> NAMES = List.of(
            variable("age", "int", "年龄（无出生日期时不可用，条件视为不满足）", "Age in years (unbound without a birth date: the condition is not met)"),
            variable("educationLevel", "string", "学历：SECONDARY、COLLEGE、BACHELOR、MASTER、DOCTORATE", "Education: SECONDARY, COLLEGE, BACHELOR, MASTER, DOCTORATE"),
            variable("educationRank", "int", "学历等级：0 中专/高中 … 4 博士", "Education rank: 0 secondary … 4 doctorate"),
            variable("major", "string", "专业（去掉“专业”二字和括注）", "Major (without 专业 and bracketed notes)"),
            variable("certificateLevel", "string", "证书：NONE、ASSISTANT、INTERMEDIATE、SENIOR", "Certificate: NONE, ASSISTANT, INTERMEDIATE, SENIOR"),
            variable("certificateRank", "int", "证书等级：0 无 … 3 高级社工师", "Certificate rank: 0 none … 3 senior"),
            variable("socialWorkYears", "double", "社会工作年限", "Years of social work"),
            variable("communityWorkYears", "double", "社区工作年限", "Years of community work"),
            variable("fullTime", "bool", "是否专职（在岗位中按岗位计）", "Full-time (in a post, the post's)"),
            variable("role", "string", "所计岗位：HEAD、DEPUTY_HEAD、SOCIAL_WORKER、SUPERVISOR；站点之外为空", "The post counted: HEAD, DEPUTY_HEAD, SOCIAL_WORKER, SUPERVISOR; '' outside a station"),
            variable("operatingMode", "string", "岗位所在站点的运营方式；站点之外为空", "The post's station's operating mode; '' outside a station"),
            variable("yearsAtStation", "double", "自首个岗位起的年数", "Years since the first post"),
            variable("certificateYearsAfterStart", "double", "首个岗位之后多少年取得证书；无证书为 -1", "Years after the first post the certificate was obtained; -1 without one"),
            variable("trainings", "list(map)", "培训记录列表：{hours, yearsAgo, provider, topic}", "Training records: {hours, yearsAgo, provider, topic}"),
            variable("designations", "list(map)", "当日持有的称号：{kind（LEADING_TALENT、SUPERVISOR）, level, levelRank（1 区级 … 4 国家级）, yearsHeld, termYears（无期限为 -1）}",
                    "Designations held on the day: {kind (LEADING_TALENT, SUPERVISOR), level, levelRank (1 district … 4 national), yearsHeld, termYears (-1 when open-ended)}"),
            new Name("trainingHoursWithin", "FUNCTION", "trainingHoursWithin(trainings, int) → double",
                    "最近若干年内的培训学时合计", "Training hours within the last so many years"));

    private static final Map<String, CelType> TYPES = Map.of("int", SimpleType.INT, "string", SimpleType.STRING,
            "double", SimpleType.DOUBLE, "bool", SimpleType.BOOL, "list(map)", ListType.create(TRAINING));

    private static final CelCompiler COMPILER = compiler();

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addFunctionBindings(CelFunctionBinding.from("trainingHoursWithin_list_int", List.class, Long.class,
                    WorkerFacts::trainingHoursWithin))
            .build();

    private WorkerFacts() {
    }

    private static Name variable(String name, String type, String descriptionZh, String descriptionEn) {
        return new Name(name, "VARIABLE", type, descriptionZh, descriptionEn);
    }

    private static CelCompiler compiler() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                // exists, all, filter, map, has: comprehensions over a list stay bounded by its length
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        NAMES.stream().filter(n -> n.kind().equals("VARIABLE")).forEach(n -> builder.addVar(n.name(), TYPES.get(n.type())));
        return builder
                .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("trainingHoursWithin",
                        CelOverloadDecl.newGlobalOverload("trainingHoursWithin_list_int", SimpleType.DOUBLE,
                                ListType.create(TRAINING), SimpleType.INT)))
                .setResultType(SimpleType.BOOL)
                .build();
    }

    /** Every variable and function an expression may name, as the editor lists them. */
    public static List<Name> names() {
        return NAMES;
    }

    /** Why an expression does not compile, where, in Chinese and English; empty when it compiles. */
    public static Optional<ExpressionErrors.Problem> problem(String source) {
        try {
            COMPILER.compile(source).getAst();
            return Optional.empty();
        } catch (CelValidationException e) {
            return Optional.of(ExpressionErrors.problem(e.getErrors().getFirst()));
        } catch (dev.cel.common.CelException e) {
            return Optional.of(ExpressionErrors.INVALID);
        }
    }

    /** A compiled, type-checked boolean expression. */
    public record Expression(String source, CelRuntime.Program program) {
        /**
         * Whether the facts meet the expression. One that fails at run time (an index past the
         * end of a list, a division by zero on odd data) says nothing about the worker: it is
         * reported as such, never read as "not met".
         */
        public boolean test(Map<String, Object> facts) {
            try {
                // read through a resolver: evaluating with the map itself copies it for every expression
                return Boolean.TRUE.equals(program.eval(name -> Optional.ofNullable(facts.get(name))));
            } catch (CelEvaluationException e) {
                throw new EvaluationError(source, e.getMessage());
            }
        }
    }

    /** An expression that could not be evaluated for some facts. */
    public static final class EvaluationError extends RuntimeException {
        private final String expression;

        EvaluationError(String expression, String reason) {
            super(reason, null, false, false);
            this.expression = expression;
        }

        public String expression() {
            return expression;
        }
    }

    /** Compiles or refuses with BAD_USER_INPUT naming the path, line, column and the problem. */
    public static Expression compile(String source, String path) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(source).getAst();
            return new Expression(source, RUNTIME.createProgram(ast));
        } catch (CelValidationException e) {
            throw ApiException.badInput(path, ExpressionErrors.problem(e.getErrors().getFirst()).sentence());
        } catch (dev.cel.common.CelException e) {
            throw ApiException.badInput(path, ExpressionErrors.INVALID.sentence());
        }
    }

    /** The worker as the expressions see it on a date, outside any station or in a post (role may be ''). */
    public static Map<String, Object> of(WorkerData w, String role, LocalDate firstStart, LocalDate on) {
        return of(w, role, "", firstStart, on);
    }

    /**
     * The worker in a post at a station run in a given operating mode: who counts toward a
     * station's staff can depend on it (Shangcheng's operations supervisor, under mixed operation).
     */
    public static Map<String, Object> of(WorkerData w, String role, String operatingMode, LocalDate firstStart, LocalDate on) {
        List<Map<String, Object>> trainings = new ArrayList<>();
        for (WorkerData.Training t : w.trainings()) {
            if (!t.completedOn().isAfter(on)) {
                trainings.add(Map.of("hours", t.hours(), "yearsAgo", years(t.completedOn(), on),
                        "provider", t.provider(), "topic", t.topic()));
            }
        }
        // A certificate dated after the day was not held then: the registry keeps the certificate
        // a worker holds and the day it was obtained, so before that day the worker had none on file.
        boolean certified = w.certificateDate() == null || !w.certificateDate().isAfter(on);
        String certificate = certified ? w.certificateLevel() : "NONE";
        double certificateAfterStart = w.certificateDate() == null || firstStart == null || !certified
                ? -1.0 : years(firstStart, w.certificateDate());
        Map<String, Object> facts = new HashMap<>();
        // Without a birth date `age` is left unbound, so a condition on age is not met rather than guessed.
        if (w.birthDate() != null) {
            facts.put("age", ChronoUnit.YEARS.between(w.birthDate(), on));
        }
        facts.put("educationLevel", w.educationLevel());
        facts.put("educationRank", (long) EDUCATION.indexOf(w.educationLevel()));
        facts.put("major", major(w.major()));
        facts.put("certificateLevel", certificate);
        facts.put("certificateRank", (long) CERTIFICATES.indexOf(certificate));
        facts.put("socialWorkYears", w.socialWorkYears());
        facts.put("communityWorkYears", w.communityWorkYears());
        facts.put("fullTime", w.fullTime());
        facts.put("role", role == null ? "" : role);
        facts.put("operatingMode", operatingMode == null ? "" : operatingMode);
        facts.put("yearsAtStation", firstStart == null ? 0.0 : years(firstStart, on));
        facts.put("certificateYearsAfterStart", Math.max(-1.0, certificateAfterStart));
        facts.put("trainings", trainings);
        List<Map<String, Object>> designations = new ArrayList<>();
        for (WorkerData.Designation d : w.designations()) {
            if (d.heldOn(on)) {
                designations.add(Map.of("kind", d.kind(), "level", d.level(), "levelRank", (long) LEVELS.indexOf(d.level()) + 1,
                        "yearsHeld", years(d.awardedOn(), on),
                        "termYears", d.endsOn() == null ? -1.0 : years(d.awardedOn(), d.endsOn())));
            }
        }
        facts.put("designations", designations);
        return facts;
    }

    /**
     * A major as the documents' lists name it: registries write 社会学专业 or 社会工作 (本科) where a
     * profile lists 社会学 and 社会工作, so the word 专业, bracketed notes, spaces and full-width
     * spaces are dropped before a rule compares it.
     */
    static String major(String written) {
        if (written == null) {
            return "";
        }
        String m = written.replaceAll("[（(][^）)]*[）)]", "").replaceAll("[\\s\u3000]", "");
        return m.endsWith("专业") ? m.substring(0, m.length() - 2) : m;
    }

    /**
     * Years from one date to another as the documents count them, by anniversaries: exactly N on
     * the N-th anniversary, and between two anniversaries the part of that year gone by. Days
     * divided by 365.25 put the fifth anniversary of a date two leap days back past 5, so a
     * training "within the last five years" fell out of them on the very day it was still in.
     */
    static double years(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -years(to, from);
        }
        long whole = ChronoUnit.YEARS.between(from, to);
        LocalDate last = from.plusYears(whole);
        double yearDays = ChronoUnit.DAYS.between(last, from.plusYears(whole + 1));
        return whole + ChronoUnit.DAYS.between(last, to) / yearDays;
    }

    private static double trainingHoursWithin(List<?> trainings, Long years) {
        double sum = 0;
        for (Object o : trainings) {
            Map<?, ?> t = (Map<?, ?>) o;
            if (((Number) t.get("yearsAgo")).doubleValue() <= years) {
                sum += ((Number) t.get("hours")).doubleValue();
            }
        }
        return sum;
    }
}
