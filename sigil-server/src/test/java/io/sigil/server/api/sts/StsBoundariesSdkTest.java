package io.sigil.server.api.sts;

import io.sigil.iam.model.Role;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static io.sigil.server.api.sts.RoleFixture.ACCT;
import static io.sigil.server.api.sts.RoleFixture.role;
import static io.sigil.server.api.sts.RoleFixture.trust;
import static io.sigil.server.api.sts.RoleFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request boundaries of the STS operations that the other STS tests leave out, each at limit−1/limit/limit+1 where
 * the AWS STS API Reference gives one: AssumeRole's chained-session hour, PolicyArns (10), Tags (50), ExternalId
 * (2..1224 of [\w+=,.@:/-]), TokenCode (6 digits), SerialNumber (9..256), SourceIdentity (2..64), the packed size of
 * session policies and tags; DecodeAuthorizationMessage's EncodedMessage (1..10240); GetAccessKeyInfo's AccessKeyId
 * (16..128 of [\w]). Constraint failures are AWS's ValidationError, "1 validation error detected: Value 'v' at
 * 'member' failed to satisfy constraint: ...".
 */
class StsBoundariesSdkTest {
    private static final String BOTH = "[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]";
    private final SigilTestServer server = StsServer.get();

    private AssumeRoleResponse assume(AccessKey key, Consumer<AssumeRoleRequest.Builder> r) {
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            return sts.assumeRole(r);
        }
    }

    /** A user and a role that trusts it for AssumeRole, TagSession and SetSourceIdentity: the user's key. */
    private static AccessKey userAndRole(String name) {
        AccessKey key = StsServer.user(name, null);
        role(name + "-role", trust(userArn(name), BOTH, null), null);
        return key;
    }

    private static String roleArn(String name) {
        return RoleFixture.roleArn(ACCT, name + "-role");
    }

    private static void validationError(Runnable call, String member, String constraint) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value ")
                    .contains(" at '" + member + "' failed to satisfy constraint: " + constraint);
        });
    }

    private static String chars(int n) {
        return "x".repeat(n);
    }

    @Test
    void roleChaining_3600IsAccepted_3601IsTheChainingValidationError() {
        AccessKey key = StsServer.user("bnd-chain", null);
        Role first = role(ACCT, "bnd-chain-a", trust(userArn("bnd-chain"), "\"sts:AssumeRole\"", null),
                StsServer.policy("Allow", "\"sts:AssumeRole\"", "*"), 7200, List.of());
        Role second = role(ACCT, "bnd-chain-b", trust(first.arn(), "\"sts:AssumeRole\"", null), null, 7200, List.of());
        Credentials a = assume(key, r -> r.roleArn(first.arn()).roleSessionName("first")).credentials();
        try (StsClient sts = server.sts(a)) {
            Credentials b = sts.assumeRole(r -> r.roleArn(second.arn()).roleSessionName("second")
                    .durationSeconds(3600)).credentials();
            assertThat(Duration.between(Instant.now(), b.expiration()).getSeconds()).isBetween(3590L, 3600L);
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(second.arn()).roleSessionName("second")
                    .durationSeconds(3601))).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The requested DurationSeconds "
                                + "exceeds the 1 hour session limit for roles assumed by role chaining.");
                    });
        }
    }

    @Test
    void assumeRole_tenPolicyArnsAreAccepted_elevenAreValidationError() {
        AccessKey key = userAndRole("bnd-arns");
        List<PolicyDescriptorType> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build());
        }
        assertThat(assume(key, r -> r.roleArn(roleArn("bnd-arns")).roleSessionName("ten").policyArns(ten))
                .packedPolicySize()).isPositive();
        List<PolicyDescriptorType> eleven = new ArrayList<>(ten);
        eleven.add(PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build());
        validationError(() -> assume(key, r -> r.roleArn(roleArn("bnd-arns")).roleSessionName("eleven")
                .policyArns(eleven)), "policyArns", "Member must have length less than or equal to 10");
    }

    @Test
    void assumeRole_fiftyOneTagsAreValidationError_andTagsThatPackTooLargeArePackedPolicyTooLarge() {
        AccessKey key = userAndRole("bnd-tags");
        List<Tag> fiftyOne = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add(Tag.builder().key("k" + i).value("v").build());
        }
        validationError(() -> assume(key, r -> r.roleArn(roleArn("bnd-tags")).roleSessionName("many")
                .tags(fiftyOne)), "tags", "Member must have length less than or equal to 50");

        Random random = new Random(11);
        List<Tag> noisy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StringBuilder v = new StringBuilder();
            while (v.length() < 200) {
                v.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
            }
            noisy.add(Tag.builder().key("key" + i).value(v.substring(0, 200)).build());
        }
        assertThatThrownBy(() -> assume(key, r -> r.roleArn(roleArn("bnd-tags")).roleSessionName("noisy")
                .tags(noisy))).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge");
                    assertThat(e.awsErrorDetails().errorMessage()).matches("Packed policy consumes \\d+% of allotted "
                            + "space");
                });
    }

    @Test
    void assumeRole_externalIdIs2To1224CharactersOfItsPattern() {
        AccessKey key = userAndRole("bnd-ext");
        String arn = roleArn("bnd-ext");
        assume(key, r -> r.roleArn(arn).roleSessionName("two").externalId("ab"));
        assume(key, r -> r.roleArn(arn).roleSessionName("max").externalId(chars(1224)));
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("one").externalId("a")),
                "externalId", "Member must have length greater than or equal to 2");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("over").externalId(chars(1225))),
                "externalId", "Member must have length less than or equal to 1224");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("space").externalId("with space")),
                "externalId", "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
    }

    @Test
    void assumeRole_tokenCodeIsSixDigits_andSerialNumberNineTo256Characters() {
        AccessKey key = userAndRole("bnd-mfa");
        String arn = roleArn("bnd-mfa");
        String serial = "arn:aws:iam::" + ACCT + ":mfa/bnd-mfa";
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("s5").serialNumber(serial)
                .tokenCode("12345")), "tokenCode", "Member must have length greater than or equal to 6");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("s7").serialNumber(serial)
                .tokenCode("1234567")), "tokenCode", "Member must have length less than or equal to 6");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("sx").serialNumber(serial)
                .tokenCode("12345x")), "tokenCode", "Member must satisfy regular expression pattern: [\\d]*");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("s8").serialNumber("GAHT1234")
                .tokenCode("123456")), "serialNumber", "Member must have length greater than or equal to 9");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("s257").serialNumber(chars(257))
                .tokenCode("123456")), "serialNumber", "Member must have length less than or equal to 256");
    }

    @Test
    void assumeRole_sourceIdentityIs2To64CharactersOfItsPattern() {
        AccessKey key = userAndRole("bnd-src");
        String arn = roleArn("bnd-src");
        assertThat(assume(key, r -> r.roleArn(arn).roleSessionName("two").sourceIdentity("ab")).sourceIdentity())
                .isEqualTo("ab");
        assertThat(assume(key, r -> r.roleArn(arn).roleSessionName("max").sourceIdentity(chars(64)))
                .sourceIdentity()).isEqualTo(chars(64));
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("one").sourceIdentity("a")),
                "sourceIdentity", "Member must have length greater than or equal to 2");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("over").sourceIdentity(chars(65))),
                "sourceIdentity", "Member must have length less than or equal to 64");
        validationError(() -> assume(key, r -> r.roleArn(arn).roleSessionName("colon").sourceIdentity("a:b")),
                "sourceIdentity", "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    @Test
    void decodeAuthorizationMessage_ofMoreThan10240Characters_isValidationError() {
        try (StsClient root = server.rootSts()) {
            validationError(() -> root.decodeAuthorizationMessage(r -> r.encodedMessage(chars(10_241))),
                    "encodedMessage", "Member must have length less than or equal to 10240");
        }
    }

    @Test
    void getAccessKeyInfo_ofMoreThan128Characters_orNotOfWordCharacters_isValidationError() {
        try (StsClient root = server.rootSts()) {
            validationError(() -> root.getAccessKeyInfo(r -> r.accessKeyId("A".repeat(129))), "accessKeyId",
                    "Member must have length less than or equal to 128");
            validationError(() -> root.getAccessKeyInfo(r -> r.accessKeyId("AKIA-ABCDEFGHIJKLMN")), "accessKeyId",
                    "Member must satisfy regular expression pattern: [\\w]*");
        }
    }

    @Test
    void getFederationToken_policyOf2048CharactersIsAccepted_2049IsValidationError() {
        AccessKey key = StsServer.user("bnd-fed-policy", StsServer.policy("Allow", "\"sts:GetFederationToken\"",
                "*"));
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::";
        String tail = "\"}]}";
        String exact = head + "a".repeat(2048 - head.length() - tail.length()) + tail;
        String over = head + "a".repeat(2049 - head.length() - tail.length()) + tail;
        assertThat(exact).hasSize(2048);
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getFederationToken(r -> r.name("fits").policy(exact)).packedPolicySize()).isPositive();
            validationError(() -> sts.getFederationToken(r -> r.name("over").policy(over)), "policy",
                    "Member must have length less than or equal to 2048");
        }
    }
}
