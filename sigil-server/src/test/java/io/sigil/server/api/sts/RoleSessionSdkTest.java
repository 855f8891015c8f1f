package io.sigil.server.api.sts;

import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.sts.AccessKeyIds;
import io.sigil.iam.sts.IssuedCredentials;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.iam.sts.SessionTokens;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.sigil.server.api.sts.RoleFixture.ACCT;
import static io.sigil.server.api.sts.RoleFixture.role;
import static io.sigil.server.api.sts.RoleFixture.trust;
import static io.sigil.server.api.sts.RoleFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a role session may do: the role's policies ∩ the session policies, session tags as aws:PrincipalTag, source
 * identity, and the temporary-credential rules (spec §10 F45, F50, F66, G89).
 */
class RoleSessionSdkTest {
    private static final String LIST_USERS = StsServer.policy("Allow", "[\"iam:ListUsers\",\"iam:ListGroups\"]", "*");
    private final SigilTestServer server = StsServer.get();

    private AssumeRoleResponse assumeAs(AccessKey key, java.util.function.Consumer<
            software.amazon.awssdk.services.sts.model.AssumeRoleRequest.Builder> r) {
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            return sts.assumeRole(r);
        }
    }

    @Test
    void aRoleSession_hasTheRolesPermissions_andIsNamedInDenials() {
        AccessKey key = StsServer.user("rs-perm", null);
        Role r = role("rs-perm-role", trust(userArn("rs-perm"), "\"sts:AssumeRole\"", null),
                StsServer.policy("Allow", "\"iam:ListUsers\"", "*"));
        Credentials c = assumeAs(key, b -> b.roleArn(r.arn()).roleSessionName("s1")).credentials();
        try (IamClient iam = server.iam(c)) {
            assertThat(iam.listUsers().users()).isNotEmpty();
            assertThatThrownBy(iam::listGroups).isInstanceOfSatisfying(IamException.class, e ->
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:sts::" + ACCT
                            + ":assumed-role/rs-perm-role/s1 is not authorized to perform: iam:ListGroups"));
        }
    }

    @Test
    void f50_aSessionPolicy_narrowsTheRolesPermissions_andCannotWidenThem() {
        AccessKey key = StsServer.user("rs-narrow", null);
        Role r = role("rs-narrow-role", trust(userArn("rs-narrow"), "\"sts:AssumeRole\"", null), LIST_USERS);
        AssumeRoleResponse out = assumeAs(key, b -> b.roleArn(r.arn()).roleSessionName("s1")
                .policy(StsServer.policy("Allow", "[\"iam:ListGroups\",\"iam:ListRoles\"]", "*")));
        assertThat(out.packedPolicySize()).isPositive();
        try (IamClient iam = server.iam(out.credentials())) {
            assertThat(iam.listGroups().groups()).isNotNull();
            assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class, e ->
                    assertThat(e.awsErrorDetails().errorMessage()).endsWith("because no session policy allows the "
                            + "iam:ListUsers action"));
            assertThatThrownBy(iam::listRoles).as("not in the role's policies").isInstanceOf(IamException.class);
        }
    }

    @Test
    void sessionTags_needTagSession_andBecomePrincipalTags() {
        AccessKey key = StsServer.user("rs-tags", null);
        String conditioned = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:ListUsers\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:PrincipalTag/Project\":\"Pegasus\"}}}]}";
        Role assumeOnly = role("rs-tags-assume-only", trust(userArn("rs-tags"), "\"sts:AssumeRole\"", null),
                conditioned);
        assertThatThrownBy(() -> assumeAs(key, b -> b.roleArn(assumeOnly.arn()).roleSessionName("s1")
                .tags(t -> t.key("Project").value("Pegasus")))).isInstanceOfSatisfying(StsException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + userArn("rs-tags")
                                + " is not authorized to perform: sts:TagSession on resource: " + assumeOnly.arn()));

        Role tagging = role("rs-tags-tagging", trust(userArn("rs-tags"), "[\"sts:AssumeRole\",\"sts:TagSession\"]",
                null), conditioned);
        Credentials tagged = assumeAs(key, b -> b.roleArn(tagging.arn()).roleSessionName("s1")
                .tags(t -> t.key("Project").value("Pegasus"))).credentials();
        try (IamClient iam = server.iam(tagged)) {
            assertThat(iam.listUsers().users()).isNotEmpty();
        }
        Credentials untagged = assumeAs(key, b -> b.roleArn(tagging.arn()).roleSessionName("s2")).credentials();
        try (IamClient iam = server.iam(untagged)) {
            assertThatThrownBy(iam::listUsers).isInstanceOf(IamException.class);
        }
    }

    @Test
    void theRolesTags_arePrincipalTags_andASessionTagOfTheSameKeyReplacesThem() {
        AccessKey key = StsServer.user("rs-roletags", null);
        String conditioned = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:ListUsers\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:PrincipalTag/Project\":\"Pegasus\"}}}]}";
        Role r = role(ACCT, "rs-roletags-role", trust(userArn("rs-roletags"),
                "[\"sts:AssumeRole\",\"sts:TagSession\"]", null), conditioned, 3600,
                List.of(new io.sigil.iam.model.Tag("Project", "Pegasus")));
        try (IamClient iam = server.iam(assumeAs(key, b -> b.roleArn(r.arn()).roleSessionName("s1")).credentials())) {
            assertThat(iam.listUsers().users()).isNotEmpty();
        }
        Credentials overridden = assumeAs(key, b -> b.roleArn(r.arn()).roleSessionName("s2")
                .tags(t -> t.key("project").value("Unicorn"))).credentials();
        try (IamClient iam = server.iam(overridden)) {
            assertThatThrownBy(iam::listUsers).isInstanceOf(IamException.class);
        }
    }

    /**
     * IAM User Guide, "Chaining roles with session tags" and "Monitor and control actions taken with assumed roles":
     * a session tag may not reuse an inherited transitive key, inherited transitive tags need sts:TagSession on the
     * next role, the source identity cannot change, and no session tag begins with aws:.
     */
    @Test
    void aChainedSession_keepsItsTransitiveTagsAndSourceIdentity_asAwsRulesHoldThem() {
        AccessKey key = StsServer.user("rs-chain", null);
        String all = "[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]";
        Role first = role("rs-chain-first", trust(userArn("rs-chain"), all, null),
                StsServer.policy("Allow", "\"sts:AssumeRole\"", "*"));
        Role tagging = role("rs-chain-tagging", trust("arn:aws:iam::" + ACCT + ":role/rs-chain-first", all, null),
                null);
        Role assumeOnly = role("rs-chain-assume-only", trust("arn:aws:iam::" + ACCT + ":role/rs-chain-first",
                "\"sts:AssumeRole\"", null), null);
        assertThatThrownBy(() -> assumeAs(key, b -> b.roleArn(first.arn()).roleSessionName("s0")
                .tags(t -> t.key("aws:team").value("x")))).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("reserved prefix 'aws:'");
                });
        Credentials chain = assumeAs(key, b -> b.roleArn(first.arn()).roleSessionName("s1").sourceIdentity("alice")
                .tags(t -> t.key("Project").value("Pegasus")).transitiveTagKeys("Project")).credentials();
        try (StsClient sts = server.sts(chain)) {
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(tagging.arn()).roleSessionName("s2")
                    .tags(t -> t.key("project").value("Other")))).isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(tagging.arn()).roleSessionName("s2")
                    .sourceIdentity("mallory"))).isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(assumeOnly.arn()).roleSessionName("s2")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("User: arn:aws:sts::" + ACCT + ":assumed-role/rs-chain-first/s1 is not "
                                    + "authorized to perform: sts:TagSession on resource: " + assumeOnly.arn()));
            AssumeRoleResponse next = sts.assumeRole(b -> b.roleArn(tagging.arn()).roleSessionName("s2")
                    .sourceIdentity("alice").tags(t -> t.key("Stage").value("dev")));
            assertThat(next.sourceIdentity()).isEqualTo("alice");
        }
    }

    @Test
    void sourceIdentity_needsSetSourceIdentity_andSticksAcrossChaining() {
        AccessKey key = StsServer.user("rs-source", null);
        Role plain = role("rs-source-plain", trust(userArn("rs-source"), "\"sts:AssumeRole\"", null), null);
        assertThatThrownBy(() -> assumeAs(key, b -> b.roleArn(plain.arn()).roleSessionName("s1")
                .sourceIdentity("alice"))).isInstanceOfSatisfying(StsException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("sts:SetSourceIdentity"));
        Role a = role("rs-source-a", trust(userArn("rs-source"), "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]",
                null), StsServer.policy("Allow", "\"sts:AssumeRole\"", "*"));
        Role b = role("rs-source-b", trust("arn:aws:iam::" + ACCT + ":role/rs-source-a", "\"sts:AssumeRole\"", null),
                null);
        AssumeRoleResponse first = assumeAs(key, r -> r.roleArn(a.arn()).roleSessionName("s1").sourceIdentity("alice"));
        assertThat(first.sourceIdentity()).isEqualTo("alice");
        try (StsClient sts = server.sts(first.credentials())) {
            assertThat(sts.assumeRole(r -> r.roleArn(b.arn()).roleSessionName("s2")).sourceIdentity())
                    .isEqualTo("alice");
        }
    }

    @Test
    void g89_roleCredentials_cannotCallGetSessionTokenOrGetFederationToken() {
        AccessKey key = StsServer.user("rs-g89", null);
        Role r = role("rs-g89-role", trust(userArn("rs-g89"), "\"sts:AssumeRole\"", null),
                StsServer.policy("Allow", "\"sts:*\"", "*"));
        try (StsClient sts = server.sts(assumeAs(key, b -> b.roleArn(r.arn()).roleSessionName("s1")).credentials())) {
            assertThatThrownBy(() -> sts.getSessionToken(b -> { })).isInstanceOfSatisfying(StsException.class, e ->
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Cannot call GetSessionToken with session credentials"));
            assertThatThrownBy(() -> sts.getFederationToken(b -> b.name("fed1")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Cannot call GetFederationToken with session credentials"));
        }
    }

    @Test
    void g89_getSessionTokenCredentials_mayAssumeRoles() {
        AccessKey key = StsServer.user("rs-gst", null);
        Role r = role("rs-gst-role", trust(userArn("rs-gst"), "\"sts:AssumeRole\"", null), null);
        Credentials session;
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            session = sts.getSessionToken(b -> b.durationSeconds(900)).credentials();
        }
        try (StsClient sts = server.sts(session)) {
            assertThat(sts.assumeRole(b -> b.roleArn(r.arn()).roleSessionName("s1")).assumedRoleUser().arn())
                    .endsWith(":assumed-role/rs-gst-role/s1");
        }
    }

    @Test
    void f45_aTrustPolicyRequiringMfa_admitsOnlyAnMfaSession() {
        AccessKey key = StsServer.user("rs-f45", StsServer.policy("Allow", "\"sts:AssumeRole\"", "*"));
        Role r = role("rs-f45-role", trust("arn:aws:iam::" + ACCT + ":root", "\"sts:AssumeRole\"",
                "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"), null);
        assertThatThrownBy(() -> assumeAs(key, b -> b.roleArn(r.arn()).roleSessionName("s1")))
                .isInstanceOf(StsException.class);
        User u = server.app().store().read(tx -> tx.users().find(ACCT, "rs-f45")).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IssuedCredentials minted = new SessionTokens(SigilTestServer.masterBox()).issue(new Session(
                SessionKind.SESSION_TOKEN, ACCT, AccessKeyIds.temporary(ACCT), u.arn(), u.id(), null, now,
                now.plusSeconds(900), now, null, List.of(), List.of(), List.of(), null, false));
        Credentials mfa = Credentials.builder().accessKeyId(minted.accessKeyId())
                .secretAccessKey(minted.secretAccessKey()).sessionToken(minted.sessionToken()).build();
        try (StsClient sts = server.sts(mfa)) {
            assertThat(sts.assumeRole(b -> b.roleArn(r.arn()).roleSessionName("s1")).credentials()).isNotNull();
        }
    }
}
