package io.shegong.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuthenticationTest extends GraphQLTestBase {

    private static JWTClaimsSet claims(Date expires) {
        return new JWTClaimsSet.Builder().subject("wuhan:admin").claim("tenant", "wuhan")
                .claim("roles", List.of("TENANT_ADMIN")).issueTime(new Date()).expirationTime(expires).build();
    }

    private static String hs256(String secret, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes()));
        return jwt.serialize();
    }

    private void assertUnauthenticated(String token) {
        Result r = withToken(token).run("viewer");
        r.assertError("UNAUTHENTICATED", null);
        r.assertNullAt("viewer");
        assertEquals(0, r.sqlStatements(), "a refused token must not reach the database");
    }

    private static String signed(JWTClaimsSet.Builder claims) throws JOSEException {
        return hs256(JWT_SECRET, claims.build());
    }

    /** Valid claims for Wuhan's admin, to be spoiled one at a time. */
    private static JWTClaimsSet.Builder wuhanAdmin() {
        return new JWTClaimsSet.Builder(claims(new Date(System.currentTimeMillis() + 600_000)));
    }

    @Test
    void tokenWithoutExpiry_isUnauthenticated() throws Exception {
        assertUnauthenticated(signed(wuhanAdmin().expirationTime(null)));
    }

    @Test
    void tokenNotYetValid_isUnauthenticated() throws Exception {
        assertUnauthenticated(signed(wuhanAdmin().notBeforeTime(new Date(System.currentTimeMillis() + 600_000))));
    }

    @Test
    void tokenIssuedInTheFuture_isUnauthenticated() throws Exception {
        assertUnauthenticated(signed(wuhanAdmin().issueTime(new Date(System.currentTimeMillis() + 600_000))));
    }

    @Test
    void tokenWithinClockSkew_isAccepted() throws Exception {
        // A server whose clock runs 30 s ahead of ours issued it, and it expired 30 s ago by our clock.
        long now = System.currentTimeMillis();
        withToken(signed(wuhanAdmin().issueTime(new Date(now + 30_000)).notBeforeTime(new Date(now + 30_000))
                .expirationTime(new Date(now - 30_000)))).run("viewer").assertOk();
    }

    @Test
    void tokenWithMalformedTenantClaim_isUnauthenticated() throws Exception {
        assertUnauthenticated(signed(wuhanAdmin().claim("tenant", "")));
        assertUnauthenticated(signed(wuhanAdmin().claim("tenant", null)));
        assertUnauthenticated(signed(wuhanAdmin().claim("tenant", "Wuhan; DROP TABLE tenant")));
        assertUnauthenticated(signed(wuhanAdmin().claim("tenant", "wu\u0000han")));
        assertUnauthenticated(signed(wuhanAdmin().claim("tenant", List.of("wuhan"))));
        assertUnauthenticated(signed(wuhanAdmin().claim("tenant", java.util.Map.of("code", "wuhan"))));
        assertUnauthenticated(signed(wuhanAdmin().claim("tenant", 42)));
    }

    @Test
    void tokenWithMalformedRoles_isUnauthenticated() throws Exception {
        assertUnauthenticated(signed(wuhanAdmin().claim("roles", "TENANT_ADMIN")));
        assertUnauthenticated(signed(wuhanAdmin().claim("roles", List.of())));
        assertUnauthenticated(signed(wuhanAdmin().claim("roles", null)));
        assertUnauthenticated(signed(wuhanAdmin().claim("roles", List.of("TENANT_ADMIN", "GOD"))));
        assertUnauthenticated(signed(wuhanAdmin().claim("roles", List.of(1))));
    }

    @Test
    void tokenOfAnUnknownTenant_isOneForbidden() throws Exception {
        Result r = withToken(signed(wuhanAdmin().claim("tenant", "atlantis"))).run("viewer");
        r.assertError("FORBIDDEN", null);
        assertEquals(1, r.errors().size(), r.raw());
        assertEquals(null, r.body().get("data"), r.raw());
    }

    @Test
    void validToken_isAccepted() throws Exception {
        Result r = withToken(hs256(JWT_SECRET, claims(new Date(System.currentTimeMillis() + 60_000)))).run("viewer").assertOk();
        assertEquals("wuhan", r.string("viewer.tenant.code"));
    }

    @Test
    void missingToken_isUnauthenticated() {
        assertUnauthenticated(null);
    }

    @Test
    void expiredToken_isUnauthenticated() throws Exception {
        assertUnauthenticated(hs256(JWT_SECRET, claims(new Date(System.currentTimeMillis() - 3_600_000))));
    }

    @Test
    void tamperedToken_isUnauthenticated() throws Exception {
        String token = hs256(JWT_SECRET, claims(new Date(System.currentTimeMillis() + 60_000)));
        String[] parts = token.split("\\.");
        String otherTenant = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(new Date(System.currentTimeMillis() + 60_000)).toString().replace("wuhan", "qingpu").getBytes());
        assertUnauthenticated(parts[0] + "." + otherTenant + "." + parts[2]);
    }

    @Test
    void tokenSignedWithAnotherSecret_isUnauthenticated() throws Exception {
        assertUnauthenticated(hs256("another-secret-that-is-long-enough-for-hs256!!", claims(new Date(System.currentTimeMillis() + 60_000))));
    }

    @Test
    void tokenSignedWithAnUnknownRsaKey_isUnauthenticated() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(new Date(System.currentTimeMillis() + 60_000)));
        jwt.sign(new RSASSASigner((RSAPrivateKey) g.generateKeyPair().getPrivate()));
        assertUnauthenticated(jwt.serialize());
    }

    @Test
    void unsignedAlgNoneToken_isUnauthenticated() {
        assertUnauthenticated(new PlainJWT(new PlainHeader(), claims(new Date(System.currentTimeMillis() + 60_000))).serialize());
    }

    @Test
    void garbageToken_isUnauthenticated() {
        assertUnauthenticated("not.a.jwt");
    }

    @Test
    void login_issuesATokenThatTheApiAccepts() throws Exception {
        HttpResponse<String> ok = login("{\"tenant\":\"yangpu\",\"username\":\"supervisor\",\"password\":\"shegong-demo\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        String token = ok.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Result r = withToken(token).run("viewer").assertOk();
        assertEquals("yangpu:supervisor", r.string("viewer.subject"));
        assertEquals(List.of("SUPERVISOR"), r.get("viewer.roles"));
    }

    @Test
    void login_withWrongPasswordOrUnknownTenant_isRefused() throws Exception {
        assertEquals(401, login("{\"tenant\":\"yangpu\",\"username\":\"admin\",\"password\":\"wrong\"}").statusCode());
        assertEquals(401, login("{\"tenant\":\"nowhere\",\"username\":\"admin\",\"password\":\"shegong-demo\"}").statusCode());
        assertEquals(401, login("{\"tenant\":\"yangpu\",\"username\":\"nobody\",\"password\":\"shegong-demo\"}").statusCode());
    }

    @Test
    void login_asPlatformAdmin_hasNoTenant() throws Exception {
        HttpResponse<String> ok = login("{\"username\":\"platform\",\"password\":\"shegong-demo\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        String token = ok.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Result r = withToken(token).run("viewer").assertOk();
        assertEquals(List.of("PLATFORM_ADMIN"), r.get("viewer.roles"));
        r.assertNullAt("viewer.tenant");
    }

    @Test
    void tokenFromHeaderCannotPickTheTenant() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token("wuhan:viewer", "wuhan", "VIEWER"))
                .header("X-Tenant", "qingpu")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { tenant { code } } }\"}")).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(body.contains("\"wuhan\""), body);
    }

    private HttpResponse<String> login(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
