package io.sigil.server.api.sts;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Role;
import io.sigil.server.api.EnforceMode;
import io.sigil.server.api.iam.Entities;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * --enforce off|audit relax the authorisation of the API call, never the role's trust policy: that policy is part of
 * the credential exchange (IAM User Guide, "Policy evaluation logic": "IAM role trust policies must explicitly allow
 * access for principals"), so in every mode a caller it does not admit cannot become the role.
 */
class AssumeRoleEnforceModesSdkTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    private static final Map<EnforceMode, SigilTestServer> SERVERS = new EnumMap<>(EnforceMode.class);
    private static final String DENY_ASSUME = StsServer.policy("Deny", "\"sts:AssumeRole\"", "*");

    @BeforeAll
    static void start() {
        for (EnforceMode m : EnforceMode.values()) {
            SERVERS.put(m, SigilTestServer.start(m));
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(SigilTestServer::close);
    }

    /** A user with a key and an inline policy (or none), on that server. */
    private static AccessKey user(SigilTestServer s, String name, String policy) {
        AccessKey key = Entities.userWithKey(s, name);
        if (policy != null) {
            try (IamClient root = s.rootIam()) {
                root.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
            }
        }
        return key;
    }

    private static String role(SigilTestServer s, String name, String trust) {
        return s.app().store().inTransaction(tx -> tx.roles().create(Role.create(ACCT, name, "/", Ids.roleId(),
                Instant.now(), trust, null, List.of()))).arn();
    }

    private static void assume(SigilTestServer s, AccessKey key, Consumer<AssumeRoleRequest.Builder> r) {
        try (StsClient sts = s.sts(key.accessKeyId(), key.secretAccessKey())) {
            sts.assumeRole(r);
        }
    }

    private static void assertDenied(Runnable call, String caller, String roleArn) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCT + ":user/" + caller
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        });
    }

    @ParameterizedTest(name = "--enforce {0}: a trust policy that does not name the caller refuses it")
    @EnumSource(EnforceMode.class)
    void aTrustPolicyNotNamingTheCaller_refusesIt_inEveryMode(EnforceMode mode) {
        SigilTestServer s = SERVERS.get(mode);
        AccessKey key = user(s, "stranger", StsServer.policy("Allow", "\"sts:AssumeRole\"", "*"));
        String arn = role(s, "closed-role", RoleFixture.trust("arn:aws:iam::" + ACCT + ":user/someone-else",
                "\"sts:AssumeRole\"", null));

        assertDenied(() -> assume(s, key, r -> r.roleArn(arn).roleSessionName("try")), "stranger", arn);
    }

    @ParameterizedTest(name = "--enforce {0}: an unmet trust-policy condition refuses the caller")
    @EnumSource(EnforceMode.class)
    void anUnmetTrustPolicyCondition_refusesTheCaller_inEveryMode(EnforceMode mode) {
        SigilTestServer s = SERVERS.get(mode);
        AccessKey key = user(s, "partner", StsServer.policy("Allow", "\"sts:AssumeRole\"", "*"));
        String arn = role(s, "external-id-role", RoleFixture.trust("arn:aws:iam::" + ACCT + ":user/partner",
                "\"sts:AssumeRole\"", "{\"StringEquals\":{\"sts:ExternalId\":\"secret-handshake\"}}"));

        assertDenied(() -> assume(s, key, r -> r.roleArn(arn).roleSessionName("try").externalId("wrong")),
                "partner", arn);
        assume(s, key, r -> r.roleArn(arn).roleSessionName("try").externalId("secret-handshake"));
    }

    @ParameterizedTest(name = "--enforce {0}: an explicit deny in the trust policy refuses the caller")
    @EnumSource(EnforceMode.class)
    void anExplicitDenyInTheTrustPolicy_refusesTheCaller_inEveryMode(EnforceMode mode) {
        SigilTestServer s = SERVERS.get(mode);
        AccessKey key = user(s, "denied-by-trust", StsServer.policy("Allow", "\"sts:AssumeRole\"", "*"));
        String me = "arn:aws:iam::" + ACCT + ":user/denied-by-trust";
        String arn = role(s, "deny-trust-role", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + me + "\"},\"Action\":\"sts:AssumeRole\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + me + "\"},\"Action\":\"sts:AssumeRole\"}]}");

        assertDenied(() -> assume(s, key, r -> r.roleArn(arn).roleSessionName("try")), "denied-by-trust", arn);
    }

    @Test
    void enforceOn_theCallersOwnDeny_refusesEvenWhenTheTrustPolicyNamesIt() {
        SigilTestServer s = SERVERS.get(EnforceMode.ON);
        AccessKey key = user(s, "self-denied-on", DENY_ASSUME);
        String arn = role(s, "named-role-on", RoleFixture.trust("arn:aws:iam::" + ACCT + ":user/self-denied-on",
                "\"sts:AssumeRole\"", null));

        assertDenied(() -> assume(s, key, r -> r.roleArn(arn).roleSessionName("try")), "self-denied-on", arn);
    }

    @Test
    void enforceOff_ignoresTheCallersOwnPolicies_whenTheTrustPolicyAdmitsIt() {
        SigilTestServer s = SERVERS.get(EnforceMode.OFF);
        AccessKey key = user(s, "self-denied-off", DENY_ASSUME);
        String arn = role(s, "named-role-off", RoleFixture.trust("arn:aws:iam::" + ACCT + ":user/self-denied-off",
                "\"sts:AssumeRole\"", null));

        try (StsClient sts = s.sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.assumeRole(r -> r.roleArn(arn).roleSessionName("ok")).assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + ACCT + ":assumed-role/named-role-off/ok");
        }
    }

    @Test
    void enforceAudit_allowsWhatTheTrustPolicyAdmits_andRecordsTheCallersWouldBeDenial() {
        SigilTestServer s = SERVERS.get(EnforceMode.AUDIT);
        AccessKey key = user(s, "self-denied-audit", DENY_ASSUME);
        String arn = role(s, "named-role-audit", RoleFixture.trust(
                "arn:aws:iam::" + ACCT + ":user/self-denied-audit", "\"sts:AssumeRole\"", null));

        try (StsClient sts = s.sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.assumeRole(r -> r.roleArn(arn).roleSessionName("ok")).credentials().accessKeyId())
                    .startsWith("ASIA");
        }
        String line = s.awaitAuditLine("user/self-denied-audit is not authorized to perform: sts:AssumeRole");
        assertThat(line).contains("\"eventName\":\"AssumeRole\"").contains("sigilAuditDenial")
                .doesNotContain("\"errorCode\"");
    }
}
