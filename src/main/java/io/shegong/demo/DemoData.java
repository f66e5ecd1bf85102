package io.shegong.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sessions;
import io.shegong.core.db.Sql;
import io.shegong.core.db.Json;
import io.shegong.core.security.Passwords;
import io.shegong.policy.PolicyDocument;
import io.shegong.policy.PolicyParser;
import io.shegong.policy.PolicyService;
import io.shegong.policy.PolicyTemplates;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads the five demo bureaus from `demo/*.yml` when `shegong.demo-data` is true (never by
 * default). A bureau that already exists is left as it is, so restarts do not duplicate it.
 */
@Singleton
@Requires(property = "shegong.demo-data", value = "true")
public class DemoData {
    public static final List<String> TENANTS = List.of("qingpu", "yangpu", "shangcheng", "weihai", "wuhan");
    /** Demo users' password; demo data is for trying the product, never for production. */
    public static final String PASSWORD = "shegong-demo";
    public static final List<String> USERS = List.of("admin", "operator", "supervisor", "viewer");
    private static final Map<String, String> USER_ROLES = Map.of(
            "admin", "TENANT_ADMIN", "operator", "STATION_OPERATOR", "supervisor", "SUPERVISOR", "viewer", "VIEWER");
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Sessions sessions;
    private final PolicyTemplates templates;
    private final Json json;

    public DemoData(Sessions sessions, PolicyTemplates templates, Json json) {
        this.sessions = sessions;
        this.templates = templates;
        this.json = json;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String hash = Passwords.hash(PASSWORD);
        platformAdmin(hash);
        for (String code : TENANTS) {
            load(code, hash);
        }
    }

    private void platformAdmin(String hash) {
        try (Session s = sessions.forPlatform()) {
            Sql.update(s, "INSERT INTO platform_user (id, username, password_hash) VALUES (?, 'platform', ?)"
                    + " ON CONFLICT (username) DO NOTHING", UUID.randomUUID(), hash);
            s.commit();
        }
    }

    @SuppressWarnings("unchecked")
    private void load(String code, String hash) {
        Map<String, Object> doc = read(code);
        Map<String, Object> tenant = (Map<String, Object>) doc.get("tenant");
        try (Session s = sessions.forPlatform()) {
            int inserted = Sql.update(s, """
                    INSERT INTO tenant (id, code, name_zh, name_en, level, region) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO NOTHING""", UUID.randomUUID(), code, tenant.get("nameZh"),
                    tenant.get("nameEn"), tenant.get("level"), tenant.get("region"));
            s.commit();
            if (inserted == 0) {
                return;
            }
        }
        try (Session s = sessions.forTenant(code)) {
            new Loader(s, doc, code, hash).run();
            publishProfile(s, code);
            s.commit();
        }
        LOG.info("Loaded demo bureau {}", code);
    }

    /** Each demo bureau starts with its own profile published as revision 1. */
    private void publishProfile(Session s, String code) {
        Map<String, Object> document = templates.get(code).orElseThrow();
        PolicyDocument parsed = PolicyParser.parse(document, "policy/" + code + ".yml");
        Sql.update(s, """
                INSERT INTO policy_profile (tenant_id, id, revision, status, effective_from, document, created_by, published_at)
                VALUES (?, ?, 1, 'PUBLISHED', ?, ?::jsonb, 'demo', now())""",
                s.tenantId(), UUID.randomUUID(), PolicyTemplates.effectiveFrom(document), json.write(document));
        PolicyService.syncStationKinds(s, parsed);
    }

    private static Map<String, Object> read(String code) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + code + ".yml")) {
            if (in == null) {
                throw new IllegalStateException("demo/" + code + ".yml is missing");
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts one bureau's document through its own tenant session. */
    @SuppressWarnings("unchecked")
    private record Loader(Session s, Map<String, Object> doc, String code, String hash,
                          Map<String, UUID> divisions, Map<String, UUID> stations) {
        Loader(Session s, Map<String, Object> doc, String code, String hash) {
            this(s, doc, code, hash, new HashMap<>(), new HashMap<>());
        }

        void run() {
            int order = 0;
            for (Map<String, Object> k : list("stationKinds")) {
                Sql.update(s, """
                        INSERT INTO station_kind (tenant_id, code, label_zh, label_en, level, parent_kinds, requires_domain, sort_order)
                        VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?)""", s.tenantId(), k.get("code"), k.get("labelZh"),
                        k.get("labelEn"), k.get("level"), strings(k.get("parentKinds")),
                        Boolean.TRUE.equals(k.get("requiresDomain")), order++);
            }
            for (Map<String, Object> d : list("divisions")) {
                UUID id = UUID.randomUUID();
                divisions.put((String) d.get("code"), id);
                Sql.update(s, """
                        INSERT INTO division (tenant_id, id, code, level, name_zh, name_en, parent_id, community_count, zone)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", s.tenantId(), id, d.get("code"), d.get("level"),
                        d.get("nameZh"), d.get("nameEn"), divisions.get(d.get("parent")), d.get("communityCount"), d.get("zone"));
            }
            for (Map<String, Object> st : list("stations")) {
                station(st);
            }
            for (Map<String, Object> w : list("workers")) {
                worker(w);
            }
            users();
        }

        private void station(Map<String, Object> st) {
            UUID id = UUID.randomUUID();
            stations.put((String) st.get("code"), id);
            LocalDate since = date(st.get("statusSince"));
            Sql.update(s, """
                    INSERT INTO station (tenant_id, id, code, name, kind_code, domain, parent_id, division_id, host_facility,
                                         operating_mode, status, status_since, address, latitude, longitude, rooms, rules)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[])""",
                    s.tenantId(), id, st.get("code"), st.get("name"), st.get("kind"), st.get("domain"),
                    stations.get(st.get("parent")), divisions.get(st.get("division")), st.get("hostFacility"),
                    st.get("operatingMode"), st.get("status"), since, st.get("address"), number(st.get("latitude")),
                    number(st.get("longitude")), strings(st.get("rooms")), strings(st.get("rules")));
            Sql.update(s, """
                    INSERT INTO station_status_change (tenant_id, id, station_id, status, effective_on, note, recorded_by)
                    VALUES (?, ?, ?, ?, ?, 'demo data', 'demo')""", s.tenantId(), UUID.randomUUID(), id, st.get("status"), since);
        }

        private void worker(Map<String, Object> w) {
            UUID id = UUID.randomUUID();
            Sql.update(s, """
                    INSERT INTO social_worker (tenant_id, id, name, birth_date, phone, education_level, education_major,
                           certificate_level, certificate_date, social_work_years, community_work_years,
                           last_record_check_on, full_time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    s.tenantId(), id, w.get("name"), date(w.get("birthDate")), w.get("phone") == null ? null : w.get("phone").toString(),
                    w.get("educationLevel"), w.get("educationMajor"), w.getOrDefault("certificateLevel", "NONE"),
                    date(w.get("certificateDate")), number(w.getOrDefault("socialWorkYears", 0)),
                    number(w.getOrDefault("communityWorkYears", 0)), date(w.get("lastRecordCheckOn")),
                    !Boolean.FALSE.equals(w.get("fullTime")));
            for (Map<String, Object> t : (List<Map<String, Object>>) w.getOrDefault("training", List.of())) {
                Sql.update(s, """
                        INSERT INTO training_record (tenant_id, id, worker_id, topic, provider, hours, completed_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", s.tenantId(), UUID.randomUUID(), id, t.get("topic"),
                        t.get("provider"), number(t.get("hours")), date(t.get("completedOn")));
            }
            for (Map<String, Object> a : (List<Map<String, Object>>) w.getOrDefault("assignments", List.of())) {
                Sql.update(s, """
                        INSERT INTO assignment (tenant_id, id, worker_id, station_id, role, starts_on, ends_on, full_time)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", s.tenantId(), UUID.randomUUID(), id, stations.get(a.get("station")),
                        a.get("role"), date(a.get("startsOn")), date(a.get("endsOn")), !Boolean.FALSE.equals(a.get("fullTime")));
            }
        }

        private void users() {
            for (String user : USERS) {
                Sql.update(s, """
                        INSERT INTO app_user (tenant_id, id, username, display_name, password_hash, roles)
                        VALUES (?, ?, ?, ?, ?, ?::text[])""", s.tenantId(), UUID.randomUUID(), user,
                        "Demo " + user, hash, List.of(USER_ROLES.get(user)));
            }
            for (Object station : (List<Object>) doc.getOrDefault("operatorStations", List.of())) {
                Sql.update(s, "INSERT INTO operator_station (tenant_id, subject, station_id) VALUES (?, ?, ?)",
                        s.tenantId(), code + ":operator", stations.get(station));
            }
        }

        private List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) doc.getOrDefault(key, List.of());
        }
    }

    private static List<String> strings(Object v) {
        return v == null ? List.of() : ((List<Object>) v).stream().map(String::valueOf).toList();
    }

    private static LocalDate date(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(v.toString());
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }
}
