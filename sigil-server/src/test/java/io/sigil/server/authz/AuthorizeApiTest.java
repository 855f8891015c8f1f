package io.sigil.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization API end to end: a tiny AWS-compatible service ({@link WidgetService}) receives requests signed
 * with the AWS SDK's SigV4 signer, forwards the SigV4 pieces to /_sigil/authorize with its own Sigil key, and
 * enforces the answer. Same-account, resource-policy, cross-account, boundary and role-session cases give AWS's
 * answers (IAM User Guide, "Policy evaluation logic", "Cross-account policy evaluation logic").
 */
class AuthorizeApiTest {
    static final String ACCT = SigilTestServer.ACCOUNT_ID;
    static final String OTHER = "111122223333";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SigilTestServer server;
    private static IamClient root;
    private static WidgetService widgets;
    private static Signing.Key serviceKey;
    private static Signing.Key alice;
    private static Signing.Key bob;

    @BeforeAll
    static void start() {
        server = SigilTestServer.start();
        root = server.rootIam();
        serviceKey = user("widget-svc", allow("sigil:Authorize", "*"));
        widgets = new WidgetService(server.endpoint(), serviceKey);
        alice = user("alice", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"widgets:GetWidget\",\"Resource\":\"arn:aws:widgets:*:" + ACCT + ":widget/*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\",\"sts:GetFederationToken\"],\"Resource\":\"*\"}]}");
        bob = user("bob", null);
        widgets.put("w1", ACCT, null);
    }

    @AfterAll
    static void stop() {
        widgets.close();
        root.close();
        server.close();
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    /** A user of the main account with an inline policy (or none) and a key. */
    static Signing.Key user(String name, String policy) {
        root.createUser(r -> r.userName(name));
        if (policy != null) {
            root.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
        }
        var k = root.createAccessKey(r -> r.userName(name)).accessKey();
        return new Signing.Key(k.accessKeyId(), k.secretAccessKey());
    }

    /** A user of the second account, written into the store (the account has no root key of its own here). */
    static Signing.Key otherAccountUser(String name, String policy) {
        String secret = Ids.secretAccessKey();
        String keyId = Ids.accessKeyId();
        server.app().store().inTransaction(tx -> {
            if (tx.accounts().find(OTHER).isEmpty()) {
                tx.accounts().create(Account.create(OTHER, Instant.now()));
            }
            User u = tx.users().create(User.create(OTHER, name, "/", Ids.userId(), Instant.now(), null, List.of()));
            if (policy != null) {
                tx.inlinePolicies().put(new InlinePolicy(OTHER, PolicyOwnerKind.USER, name, "p", policy));
            }
            tx.accessKeys().create(new AccessKey(OTHER, keyId, u.id(), u.name(), AccessKeyStatus.ACTIVE,
                    Instant.now(), null), secret);
            return u;
        });
        return new Signing.Key(keyId, secret);
    }

    static HttpResponse<String> get(String widget, Signing.Key key) {
        return Signing.send("GET", widgets.endpoint().resolve("/widgets/" + widget), new byte[0], null, key,
                "widgets", WidgetService.REGION);
    }

    static String denied(String who, String action, String resource, String reason) {
        return "AccessDenied: User: " + who + " is not authorized to perform: " + action + " on resource: "
                + resource + " " + reason;
    }

    @Test
    void sameAccount_identityPolicyAllows() {
        HttpResponse<String> r = get("w1", alice);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("widget w1");
        JsonNode a = widgets.lastAnswer;
        assertThat(a.path("decision").asText()).isEqualTo("Allow");
        assertThat(a.path("reason").asText()).isEqualTo("Allowed by an identity-based policy");
        assertThat(a.path("principal").path("arn").asText()).isEqualTo("arn:aws:iam::" + ACCT + ":user/alice");
        assertThat(a.path("matchedStatements").get(0).path("policyName").asText()).contains("alice");
        assertThat(a.has("encodedMessage")).isFalse();
    }

    @Test
    void sameAccount_noPolicy_isDeniedWithAwsText_andTheEncodedMessageDecodes() throws Exception {
        HttpResponse<String> r = get("w1", bob);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo(denied("arn:aws:iam::" + ACCT + ":user/bob", "widgets:GetWidget",
                WidgetService.arn(ACCT, "w1"), "because no identity-based policy allows the widgets:GetWidget action"));
        String encoded = r.headers().firstValue("x-encoded-message").orElseThrow();
        try (StsClient sts = server.rootSts()) {
            JsonNode decoded = JSON.readTree(sts.decodeAuthorizationMessage(b -> b.encodedMessage(encoded))
                    .decodedMessage());
            assertThat(decoded.path("allowed").asBoolean()).isFalse();
            assertThat(decoded.path("context").path("action").asText()).isEqualTo("widgets:GetWidget");
            assertThat(decoded.path("context").path("resource").asText()).isEqualTo(WidgetService.arn(ACCT, "w1"));
        }
    }

    @Test
    void sameAccount_resourcePolicyNamingThePrincipal_allowsWithoutAnIdentityPolicy() {
        widgets.put("w2", ACCT, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCT + ":user/bob\"},\"Action\":\"widgets:GetWidget\","
                + "\"Resource\":\"" + WidgetService.arn(ACCT, "w2") + "\"}]}");
        assertThat(get("w2", bob).statusCode()).isEqualTo(200);
        assertThat(widgets.lastAnswer.path("reason").asText()).isEqualTo("Allowed by a resource-based policy");
    }

    @Test
    void explicitDenyInTheResourcePolicy_winsOverAnIdentityAllow() {
        widgets.put("w3", ACCT, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoAlice\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCT + ":user/alice\"},\"Action\":\"widgets:*\","
                + "\"Resource\":\"*\"}]}");
        HttpResponse<String> r = get("w3", alice);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo(denied("arn:aws:iam::" + ACCT + ":user/alice", "widgets:GetWidget",
                WidgetService.arn(ACCT, "w3"), "with an explicit deny in a resource-based policy"));
        assertThat(widgets.lastAnswer.path("matchedStatements").get(0).path("sid").asText()).isEqualTo("NoAlice");
    }

    @Test
    void crossAccount_needsBothTheCallersIdentityPolicyAndTheResourcePolicy() {
        Signing.Key carol = otherAccountUser("carol", allow("widgets:GetWidget", "*"));
        Signing.Key dave = otherAccountUser("dave", null);
        widgets.put("shared", ACCT, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + OTHER + ":root\"},\"Action\":\"widgets:GetWidget\","
                + "\"Resource\":\"*\"}]}");
        // identity allows, the resource (owned by the other account) has no policy
        assertThat(get("w1", carol).body()).isEqualTo(denied("arn:aws:iam::" + OTHER + ":user/carol",
                "widgets:GetWidget", WidgetService.arn(ACCT, "w1"),
                "because no resource-based policy allows the widgets:GetWidget action"));
        // both allow
        assertThat(get("shared", carol).statusCode()).isEqualTo(200);
        // the resource policy trusts the account, but the account did not give dave the permission
        assertThat(get("shared", dave).body()).isEqualTo(denied("arn:aws:iam::" + OTHER + ":user/dave",
                "widgets:GetWidget", WidgetService.arn(ACCT, "shared"),
                "because no identity-based policy allows the widgets:GetWidget action"));
    }

    @Test
    void roleSession_isResolvedFromItsToken_andItsSessionPolicyLimitsIt() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCT + ":user/alice\"},\"Action\":\"sts:AssumeRole\"}]}";
        root.createRole(r -> r.roleName("widget-reader").assumeRolePolicyDocument(trust));
        root.putRolePolicy(r -> r.roleName("widget-reader").policyName("read")
                .policyDocument(allow("widgets:GetWidget", "*")));
        String roleArn = "arn:aws:iam::" + ACCT + ":role/widget-reader";
        try (StsClient sts = server.sts(alice.id(), alice.secret())) {
            Credentials plain = sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1")).credentials();
            assertThat(get("w1", session(plain)).statusCode()).isEqualTo(200);
            assertThat(widgets.lastAnswer.path("principal").path("arn").asText())
                    .isEqualTo("arn:aws:sts::" + ACCT + ":assumed-role/widget-reader/s1");
            assertThat(widgets.lastAnswer.path("principal").path("type").asText()).isEqualTo("AssumedRole");

            Credentials limited = sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("s2")
                    .policy(allow("widgets:PutWidget", "*"))).credentials();
            assertThat(get("w1", session(limited)).body()).isEqualTo(denied(
                    "arn:aws:sts::" + ACCT + ":assumed-role/widget-reader/s2", "widgets:GetWidget",
                    WidgetService.arn(ACCT, "w1"), "because no session policy allows the widgets:GetWidget action"));
        }
    }

    @Test
    void rootUser_isAllowedInItsOwnAccount_andAuditedAsRoot() {
        HttpResponse<String> r = get("w1", new Signing.Key(SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(widgets.lastAnswer.path("reason").asText())
                .isEqualTo("Allowed: the account root user acts in its own account");
        assertThat(widgets.lastAnswer.path("principal").path("type").asText()).isEqualTo("Root");
    }

    @Test
    void federatedUserSession_hasTheIntersectionOfItsUserAndItsSessionPolicy() {
        try (StsClient sts = server.sts(alice.id(), alice.secret())) {
            Credentials c = sts.getFederationToken(b -> b.name("fed-alice").policy(allow("widgets:*", "*")))
                    .credentials();
            assertThat(get("w1", session(c)).statusCode()).isEqualTo(200);
            assertThat(widgets.lastAnswer.path("principal").path("arn").asText())
                    .isEqualTo("arn:aws:sts::" + ACCT + ":federated-user/fed-alice");
            Credentials narrow = sts.getFederationToken(b -> b.name("fed-narrow")
                    .policy(allow("widgets:PutWidget", "*"))).credentials();
            assertThat(get("w1", session(narrow)).body()).endsWith(
                    "because no session policy allows the widgets:GetWidget action");
        }
    }

    @Test
    void expiredSession_isExpiredToken() {
        try (StsClient sts = server.sts(alice.id(), alice.secret())) {
            Credentials c = sts.getFederationToken(b -> b.name("fed-late").durationSeconds(900)
                    .policy(allow("widgets:*", "*"))).credentials();
            // 20 minutes on, for Sigil and for every signer: the 15-minute session has ended
            server.clock().set(java.time.Duration.ofMinutes(20));
            Signing.clockOffset = java.time.Duration.ofMinutes(20);
            try {
                HttpResponse<String> r = get("w1", session(c));
                assertThat(r.statusCode()).isEqualTo(403);
                assertThat(r.body()).startsWith("ExpiredToken: ");
                assertThat(widgets.lastAnswer.path("about").asText()).isEqualTo("request");
            } finally {
                server.clock().reset();
                Signing.clockOffset = java.time.Duration.ZERO;
            }
        }
    }

    @Test
    void permissionsBoundary_thatDoesNotAllow_isNamed() {
        String boundary = root.createPolicy(r -> r.policyName("only-iam").policyDocument(allow("iam:*", "*")))
                .policy().arn();
        Signing.Key erin = user("erin", allow("widgets:*", "*"));
        root.putUserPermissionsBoundary(r -> r.userName("erin").permissionsBoundary(boundary));
        assertThat(get("w1", erin).body()).isEqualTo(denied("arn:aws:iam::" + ACCT + ":user/erin",
                "widgets:GetWidget", WidgetService.arn(ACCT, "w1"),
                "because no permissions boundary allows the widgets:GetWidget action"));
    }

    @Test
    void badSignature_isAwsSignatureDoesNotMatch_forTheServiceToPassOn() {
        HttpResponse<String> r = get("w1", new Signing.Key(alice.id(), "wrong" + alice.secret().substring(5)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("SignatureDoesNotMatch: The request signature we calculated does not match");
        assertThat(widgets.lastAnswer.path("about").asText()).isEqualTo("request");
    }

    @Test
    void unknownKey_isInvalidClientTokenId() {
        HttpResponse<String> r = get("w1", new Signing.Key("AKIANOSUCHKEY0000001", "x".repeat(40)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("InvalidClientTokenId: ");
    }

    @Test
    void decisions_areAuditedAsTheTargetServicesEvents() {
        get("w1", bob);
        String line = server.awaitAuditLine("user/bob is not authorized to perform: widgets:GetWidget on resource: "
                + WidgetService.arn(ACCT, "w1"));
        assertThat(line).contains("\"eventSource\":\"widgets.amazonaws.com\"").contains("\"eventName\":\"GetWidget\"")
                .contains("\"awsRegion\":\"us-west-2\"").contains("\"errorCode\":\"AccessDenied\"")
                .contains("\"userName\":\"bob\"");
    }

    private static Signing.Key session(Credentials c) {
        return new Signing.Key(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    // ---- the endpoint itself, called directly ----

    static HttpResponse<String> ask(String json, Signing.Key key) {
        return Signing.send("POST", server.endpoint().resolve("/_sigil/authorize"),
                json.getBytes(StandardCharsets.UTF_8), "application/json", key, "sigil", "eu-west-1");
    }

    @Test
    void principalArn_isAnAlternativeToTheSignedRequest() throws Exception {
        HttpResponse<String> r = ask("{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/alice\","
                + "\"action\":\"widgets:GetWidget\",\"resource\":\"" + WidgetService.arn(ACCT, "w1") + "\"}",
                serviceKey);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("decision").asText()).isEqualTo("Allow");
        HttpResponse<String> asBob = ask("{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/bob\","
                + "\"action\":\"widgets:GetWidget\",\"resource\":\"*\",\"context\":{\"aws:SourceVpc\":\"vpc-1\"}}",
                serviceKey);
        JsonNode a = JSON.readTree(asBob.body());
        assertThat(a.path("decision").asText()).isEqualTo("Deny");
        assertThat(a.path("outcome").asText()).isEqualTo("IMPLICIT_DENY");
        assertThat(a.path("decidedBy").asText()).isEqualTo("identity-based policy");
    }

    @Test
    void typedContextKeys_reachTheConditions() throws Exception {
        user("frank", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"widgets:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"widgets:Size\":\"10\"},"
                + "\"DateLessThan\":{\"widgets:Made\":\"2030-01-01T00:00:00Z\"}}}]}");
        String q = "{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/frank\",\"action\":\"widgets:PutWidget\","
                + "\"resource\":\"*\",\"context\":{\"widgets:Size\":{\"type\":\"Numeric\",\"values\":[%s]},"
                + "\"widgets:Made\":{\"type\":\"Date\",\"values\":[\"2026-01-01T00:00:00Z\"]}}}";
        assertThat(JSON.readTree(ask(q.formatted("3"), serviceKey).body()).path("decision").asText())
                .isEqualTo("Allow");
        assertThat(JSON.readTree(ask(q.formatted("30"), serviceKey).body()).path("decision").asText())
                .isEqualTo("Deny");
        HttpResponse<String> bad = ask(q.formatted("\"ten\""), serviceKey);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("fieldList").get(0).path("name").asText())
                .isEqualTo("context.widgets:Size");
    }

    @Test
    void callerWithoutSigilAuthorize_isAccessDenied() {
        HttpResponse<String> r = ask("{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/alice\","
                + "\"action\":\"widgets:GetWidget\",\"resource\":\"*\"}", bob);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(r.body()).contains("User: arn:aws:iam::" + ACCT + ":user/bob is not authorized to perform: "
                + "sigil:Authorize on resource: * because no identity-based policy allows the sigil:Authorize action");
    }

    @Test
    void badJson_missingMembers_andPrincipalKeys_areClearValidationErrors() throws Exception {
        HttpResponse<String> notJson = ask("{\"action\":", serviceKey);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).path("reason").asText()).isEqualTo("cannotParse");

        HttpResponse<String> noAction = ask("{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/alice\","
                + "\"resource\":\"*\"}", serviceKey);
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noAction.body()).path("message").asText())
                .isEqualTo("1 validation error detected: 'action' is required");

        HttpResponse<String> both = ask("{\"action\":\"widgets:GetWidget\",\"resource\":\"*\"}", serviceKey);
        assertThat(JSON.readTree(both.body()).path("fieldList").get(0).path("name").asText()).isEqualTo("request");

        HttpResponse<String> spoof = ask("{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/bob\","
                + "\"action\":\"widgets:GetWidget\",\"resource\":\"*\",\"context\":{\"aws:PrincipalArn\":\"x\"}}",
                serviceKey);
        assertThat(spoof.statusCode()).isEqualTo(400);
        assertThat(spoof.body()).contains("is set by Sigil from the authenticated principal");

        HttpResponse<String> unknown = ask("{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/nobody\","
                + "\"action\":\"widgets:GetWidget\",\"resource\":\"*\"}", serviceKey);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("names no principal Sigil knows");
    }

    @Test
    void unsignedCall_isMissingAuthenticationToken() {
        HttpResponse<String> r = server.raw("POST", "/_sigil/authorize", "application/json", "{}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }

    @Test
    void invalidResourcePolicy_isRejectedWithIamsMessage() throws Exception {
        HttpResponse<String> r = ask("{\"principalArn\":\"arn:aws:iam::" + ACCT + ":user/alice\","
                + "\"action\":\"widgets:GetWidget\",\"resource\":\"*\",\"resourcePolicy\":\"{\\\"Statement\\\":[]}\"}",
                serviceKey);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("fieldList").get(0).path("name").asText()).isEqualTo("resourcePolicy");
    }

    static URI sigil() {
        return server.endpoint();
    }
}
