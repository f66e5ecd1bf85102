package io.shegong.policy;

import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five bureaus' published profiles, shipped with the service: any bureau may start its own
 * profile from a copy of one. Dates are kept as ISO strings so documents round-trip through JSON.
 */
@Singleton
public class PolicyTemplates {
    public static final List<String> CODES = List.of("qingpu", "yangpu", "shangcheng", "weihai", "wuhan");
    private final Map<String, Map<String, Object>> templates = new LinkedHashMap<>();

    public PolicyTemplates() {
        for (String code : CODES) {
            templates.put(code, load(code));
        }
    }

    public record Template(String code, Map<String, Object> document) {
    }

    public List<Template> all() {
        return templates.entrySet().stream().map(e -> new Template(e.getKey(), e.getValue())).toList();
    }

    public Optional<Map<String, Object>> get(String code) {
        return Optional.ofNullable(templates.get(code));
    }

    public static LocalDate effectiveFrom(Map<String, Object> document) {
        Object v = document.get("effectiveFrom");
        return v == null ? LocalDate.of(2020, 1, 1) : LocalDate.parse(v.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String code) {
        try (InputStream in = PolicyTemplates.class.getResourceAsStream("/policy/" + code + ".yml")) {
            if (in == null) {
                throw new IllegalStateException("policy/" + code + ".yml is missing");
            }
            return (Map<String, Object>) plain(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A document read from YAML as it would arrive through the API: YAML dates (which the parser
     * makes `java.util.Date`s at UTC midnight) become ISO strings. The demo documents are read the
     * same way.
     */
    public static Object plain(Object v) {
        if (v instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(PolicyTemplates::plain).toList();
        }
        return v;
    }
}
