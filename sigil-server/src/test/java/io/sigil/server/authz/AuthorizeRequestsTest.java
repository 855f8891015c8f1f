package io.sigil.server.authz;

import io.sigil.policy.ContextValue;
import io.sigil.server.rest.RestJsonException;
import io.sigil.server.sigv4.Payload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading /_sigil/authorize questions: what is accepted, and the named member of every refusal. */
class AuthorizeRequestsTest {
    static AuthorizeRequest read(String json) {
        return AuthorizeRequests.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static String refusedMember(String json) {
        RestJsonException e = catchThrowableOfType(RestJsonException.class, () -> read(json));
        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) e.members().get("fieldList");
        return fields == null ? e.members().get("reason").toString() : fields.get(0).get("name").toString();
    }

    static final String BASE = "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"";

    @Test
    void forwardedRequest_keepsRawPathQueryHeadersInOrder_andTheBodyDigest() {
        AuthorizeRequest q = read("{\"request\":{\"method\":\"PUT\",\"path\":\"/b/a%20b\",\"query\":\"?x=1&y=%2F\","
                + "\"headers\":{\"Host\":\"h\",\"X-Amz-Meta-A\":[\"1\",\"2\"]},\"bodySha256\":\""
                + "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855\"}," + BASE + "}");
        assertThat(q.signed().rawPath()).isEqualTo("/b/a%20b");
        assertThat(q.signed().rawQuery()).isEqualTo("x=1&y=%2F");
        assertThat(q.signed().headers().values("x-amz-meta-a")).containsExactly("1", "2");
        assertThat(q.signed().payload()).isInstanceOf(Payload.Sha256.class);
        assertThat(q.service()).isEqualTo("s3");
    }

    @Test
    void emptyQueryAndBody_areAccepted() {
        AuthorizeRequest q = read("{\"request\":{\"method\":\"GET\",\"query\":\"\",\"headers\":{\"Host\":\"h\"},"
                + "\"body\":\"\"}," + BASE + "}");
        assertThat(q.signed().rawPath()).isEqualTo("/");
        assertThat(q.signed().payload().sha256Hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void eachWrongMember_isNamed() {
        assertThat(refusedMember("[1]")).isEqualTo("cannotParse");
        assertThat(refusedMember("{\"principalArn\":\"arn:aws:iam::123456789012:user/a\"," + BASE + ",\"x\":1}"))
                .isEqualTo("x");
        assertThat(refusedMember("{\"principalArn\":\"arn:aws:iam::123456789012:user/a\",\"action\":\"s3:*\","
                + "\"resource\":\"*\"}")).isEqualTo("action");
        assertThat(refusedMember("{\"principalArn\":\"arn:aws:iam::123456789012:user/a\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"bucket\"}")).isEqualTo("resource");
        assertThat(refusedMember("{\"principalArn\":\"arn:aws:iam::123456789012:user/a\"," + BASE
                + ",\"resourceAccount\":\"12\"}")).isEqualTo("resourceAccount");
        assertThat(refusedMember("{\"request\":{\"method\":\"GET\",\"headers\":{}}," + BASE + "}"))
                .isEqualTo("request.headers");
        assertThat(refusedMember("{\"request\":{\"method\":\"GET\",\"headers\":{\"Host\":\"h\"},\"body\":\"\","
                + "\"bodySha256\":\"00\"}," + BASE + "}")).isEqualTo("request.body");
        assertThat(refusedMember("{\"request\":{\"method\":\"GET\",\"path\":\"x\",\"headers\":{\"Host\":\"h\"}},"
                + BASE + "}")).isEqualTo("request.path");
        assertThat(refusedMember("{\"principalArn\":\"arn:aws:iam::123456789012:user/a\"," + BASE
                + ",\"sourceIp\":\"not-an-ip\"}")).isEqualTo("sourceIp");
    }

    @Test
    void contextValues_bareAndTyped() {
        Map<String, ContextValue> c = ContextKeys.read(Map.of("s3:prefix", "a/", "s3:max-keys", new BigDecimal("10"),
                "aws:SecureTransport", Boolean.TRUE, "aws:TagKeys", List.of("a", "b"),
                "ec2:Date", Map.of("type", "DateList", "values", List.of("2026-01-01T00:00:00Z", "1767225600"))));
        assertThat(c.get("s3:prefix")).isEqualTo(ContextValue.of("a/"));
        assertThat(c.get("s3:max-keys")).isEqualTo(ContextValue.of("10"));
        assertThat(c.get("aws:SecureTransport")).isEqualTo(ContextValue.of("true"));
        assertThat(c.get("aws:TagKeys").multiValued()).isTrue();
        assertThat(c.get("ec2:Date").values()).hasSize(2);
    }

    @Test
    void typedValues_mustFitTheirType_andSingleTypesTakeOneValue() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("type", "Numeric", "values", List.of("ten")),
                Map.of("type", "Boolean", "values", List.of("yes")),
                Map.of("type", "IpAddress", "values", List.of("host")),
                Map.of("type", "Arn", "values", List.of("arn:aws")),
                Map.of("type", "Date", "values", List.of("yesterday")),
                Map.of("type", "String", "values", List.of("a", "b")),
                Map.of("type", "Widget", "values", List.of("a")))) {
            RestJsonException e = catchThrowableOfType(RestJsonException.class,
                    () -> ContextKeys.read(Map.of("s3:k", bad)));
            assertThat(e.safeMessage()).as(bad.toString()).contains("'context.s3:k'");
        }
    }

    @Test
    void principalKeys_areRefused_whateverTheirCase() {
        for (String key : List.of("aws:PrincipalArn", "AWS:USERID", "aws:PrincipalTag/team", "aws:username")) {
            RestJsonException e = catchThrowableOfType(RestJsonException.class,
                    () -> ContextKeys.read(Map.of(key, "x")));
            assertThat(e.safeMessage()).contains("is set by Sigil from the authenticated principal");
        }
    }

    @Test
    void maxKeys_limitIsInclusive() {
        assertThat(ContextKeys.read(keys(ContextKeys.MAX_KEYS - 1))).hasSize(ContextKeys.MAX_KEYS - 1);
        assertThat(ContextKeys.read(keys(ContextKeys.MAX_KEYS))).hasSize(ContextKeys.MAX_KEYS);
        RestJsonException e = catchThrowableOfType(RestJsonException.class,
                () -> ContextKeys.read(keys(ContextKeys.MAX_KEYS + 1)));
        assertThat(e.safeMessage()).contains("at most " + ContextKeys.MAX_KEYS);
    }

    @Test
    void maxValues_limitIsInclusive() {
        assertThat(ContextKeys.read(Map.of("s3:k", values(ContextKeys.MAX_VALUES))).get("s3:k").values())
                .hasSize(ContextKeys.MAX_VALUES);
        assertThat(ContextKeys.read(Map.of("s3:k", values(ContextKeys.MAX_VALUES - 1))).get("s3:k").values())
                .hasSize(ContextKeys.MAX_VALUES - 1);
        RestJsonException e = catchThrowableOfType(RestJsonException.class,
                () -> ContextKeys.read(Map.of("s3:k", values(ContextKeys.MAX_VALUES + 1))));
        assertThat(e.safeMessage()).contains("more than " + ContextKeys.MAX_VALUES);
    }

    private static Map<String, Object> keys(int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("svc:k" + i, "v");
        }
        return m;
    }

    private static Map<String, Object> values(int n) {
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add("v" + i);
        }
        return Map.of("type", "StringList", "values", l);
    }
}
