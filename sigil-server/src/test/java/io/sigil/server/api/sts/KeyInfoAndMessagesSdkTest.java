package io.sigil.server.api.sts;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.User;
import io.sigil.iam.sts.AccessKeyIds;
import io.sigil.iam.sts.AuthorizationMessages;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.InvalidAuthorizationMessageException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GetAccessKeyInfo and DecodeAuthorizationMessage through the SDK (AWS STS API Reference). */
class KeyInfoAndMessagesSdkTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    private final SigilTestServer server = StsServer.get();

    @Test
    void getAccessKeyInfo_answersTheAccountOfStoredTemporaryAndForeignKeys() {
        AccessKey own = StsServer.user("aki-user", StsServer.policy("Allow", "\"sts:GetAccessKeyInfo\"", "*"));
        try (StsClient sts = server.sts(own.accessKeyId(), own.secretAccessKey());
             StsClient root = server.rootSts()) {
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(SigilTestServer.ROOT_KEY_ID)).account()).isEqualTo(ACCT);
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(own.accessKeyId())).account()).isEqualTo(ACCT);
            String temporary = root.getSessionToken(r -> r.durationSeconds(900)).credentials().accessKeyId();
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(temporary)).account()).isEqualTo(ACCT);
            String foreign = AccessKeyIds.temporary("111122223333");
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(foreign)).account()).isEqualTo("111122223333");
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId("AKIAAAAAAAB5QAAAAAAA")).account())
                    .isEqualTo("000000000123");
        }
    }

    @Test
    void getAccessKeyInfo_needsThePermission() {
        AccessKey key = StsServer.user("aki-none", null);
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThatThrownBy(() -> sts.getAccessKeyInfo(r -> r.accessKeyId(SigilTestServer.ROOT_KEY_ID)))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("User: arn:aws:iam::" + ACCT + ":user/aki-none is not authorized to perform: "
                                    + "sts:GetAccessKeyInfo on resource: * because no identity-based policy allows "
                                    + "the sts:GetAccessKeyInfo action"));
        }
    }

    @Test
    void getAccessKeyInfo_ofAnIdShorterThan16_isAValidationError() {
        try (StsClient root = server.rootSts()) {
            assertThatThrownBy(() -> root.getAccessKeyInfo(r -> r.accessKeyId("AKIA1234")))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        }
    }

    private String encodedDenial(String userName) {
        User u = server.app().store().read(tx -> tx.users().find(ACCT, userName)).orElseThrow();
        Principal p = Principal.user(u, "AKIAEXAMPLEEXAMPLE12");
        Map<String, ContextValue> keys = Map.of("ec2:InstanceType", ContextValue.of("t2.micro"));
        Decision d = server.app().authorizer().authorize(p, "ec2:RunInstances",
                "arn:aws:ec2:us-east-1:" + ACCT + ":instance/*", ACCT, keys);
        return new AuthorizationMessages(SigilTestServer.masterBox()).encode(p, "ec2:RunInstances",
                "arn:aws:ec2:us-east-1:" + ACCT + ":instance/*", keys, d);
    }

    @Test
    void decodeAuthorizationMessage_revealsTheDecisionAndContext_asAwsDocumentsIt() {
        AccessKey key = StsServer.user("dam-reader", StsServer.policy("Allow", "\"sts:DecodeAuthorizationMessage\"",
                "*"));
        String encoded = encodedDenial("dam-reader");
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            String json = sts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)).decodedMessage();
            assertThat(json).startsWith("{\"allowed\":false,\"explicitDeny\":false,\"matchedStatements\":{\"items\":[]},"
                    + "\"failures\":{\"items\":[]},\"context\":{\"principal\":{\"id\":\"AIDA");
            assertThat(json).contains("\"name\":\"dam-reader\"", "\"arn\":\"arn:aws:iam::" + ACCT
                    + ":user/dam-reader\"", "\"action\":\"ec2:RunInstances\"",
                    "{\"key\":\"ec2:InstanceType\",\"values\":{\"items\":[{\"value\":\"t2.micro\"}]}}");
        }
    }

    @Test
    void decodeAuthorizationMessage_needsThePermission() {
        AccessKey key = StsServer.user("dam-none", null);
        String encoded = encodedDenial("dam-none");
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThatThrownBy(() -> sts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("sts:DecodeAuthorizationMessage");
                    });
        }
    }

    @Test
    void aGarbledOrAlteredMessage_isInvalidAuthorizationMessageException() {
        String encoded = encodedDenial(seedUser("dam-reader2"));
        char[] altered = encoded.toCharArray();
        altered[30] = altered[30] == 'A' ? 'B' : 'A';
        try (StsClient root = server.rootSts()) {
            for (String bad : new String[] {"not-a-message", new String(altered)}) {
                assertThatThrownBy(() -> root.decodeAuthorizationMessage(r -> r.encodedMessage(bad)))
                        .isInstanceOfSatisfying(InvalidAuthorizationMessageException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(400));
            }
            assertThat(root.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)).decodedMessage())
                    .contains("\"allowed\":false");
        }
    }

    @Test
    void aMessageMadeForAnotherAccount_doesNotDecode() {
        Principal other = Principal.root("111122223333", "AKIAEXAMPLEEXAMPLE12");
        String encoded = new AuthorizationMessages(SigilTestServer.masterBox()).encode(other, "ec2:RunInstances", "*",
                Map.of(), new Decision(io.sigil.policy.Outcome.IMPLICIT_DENY, null, java.util.List.of(),
                        java.util.List.of()));
        try (StsClient root = server.rootSts()) {
            assertThatThrownBy(() -> root.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)))
                    .isInstanceOf(InvalidAuthorizationMessageException.class);
        }
    }

    private static String seedUser(String name) {
        StsServer.user(name, null);
        return name;
    }
}
