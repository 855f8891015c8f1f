package io.sigil.server.app;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every call is authorised through the engine against the enforcement table: the resource and the context keys
 * an operation's action is checked with decide, as on AWS.
 */
class EnforcementTest {
    private static SigilTestServer server;
    private static IamClient root;

    @BeforeAll
    static void start() {
        server = SigilTestServer.start();
        root = server.rootIam();
    }

    @AfterAll
    static void stop() {
        root.close();
        server.close();
    }

    /** A new user with this inline policy and a client signing with its key. */
    private static IamClient userWith(String name, String policy) {
        root.createUser(r -> r.userName(name));
        root.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
        var key = root.createAccessKey(r -> r.userName(name)).accessKey();
        return server.iam(key.accessKeyId(), key.secretAccessKey());
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void rename_needsPermissionOnTheOldAndTheNewName() {
        String acct = SigilTestServer.ACCOUNT_ID;
        root.createUser(r -> r.userName("bob"));
        try (IamClient onlyBob = userWith("renamer1", allow("iam:UpdateUser", "arn:aws:iam::" + acct + ":user/bob"))) {
            IamException e = catchThrowableOfType(IamException.class,
                    () -> onlyBob.updateUser(r -> r.userName("bob").newUserName("robert")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + acct
                    + ":user/renamer1 is not authorized to perform: iam:UpdateUser on resource: arn:aws:iam::" + acct
                    + ":user/robert because no identity-based policy allows the iam:UpdateUser action");
        }
        try (IamClient both = userWith("renamer2", allow("iam:UpdateUser", "arn:aws:iam::" + acct + ":user/*"))) {
            both.updateUser(r -> r.userName("bob").newUserName("robert"));
        }
        assertThat(root.getUser(r -> r.userName("robert")).user().userName()).isEqualTo("robert");
    }

    @Test
    void explicitDeny_namesTheDenyInTheMessage() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}]}";
        try (IamClient admin = userWith("almost-admin", policy)) {
            assertThat(admin.listUsers().users()).isNotEmpty();
            IamException e = catchThrowableOfType(IamException.class, () -> admin.createUser(r -> r.userName("x1")));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage())
                    .endsWith("on resource: arn:aws:iam::" + SigilTestServer.ACCOUNT_ID
                            + ":user/x1 with an explicit deny in an identity-based policy");
        }
    }

    @Test
    void requestTags_areConditionKeys_soTagPoliciesWorkAsOnAws() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:CreateUser\","
                + "\"iam:TagUser\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:RequestTag/team\":\"red\"},"
                + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}}]}";
        try (IamClient tagger = userWith("tagger", policy)) {
            tagger.createUser(r -> r.userName("red-1").tags(t -> t.key("team").value("red")));
            IamException e = catchThrowableOfType(IamException.class,
                    () -> tagger.createUser(r -> r.userName("blue-1").tags(t -> t.key("team").value("blue"))));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            IamException untagged = catchThrowableOfType(IamException.class,
                    () -> tagger.createUser(r -> r.userName("plain-1")));
            assertThat(untagged.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void resourceTags_ofTheTargetUser_decideAbacPolicies() {
        root.createUser(r -> r.userName("tagged-red").tags(t -> t.key("team").value("red")));
        root.createUser(r -> r.userName("tagged-blue").tags(t -> t.key("team").value("blue")));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"red\"}}}]}";
        try (IamClient reader = userWith("abac-reader", policy)) {
            assertThat(reader.getUser(r -> r.userName("tagged-red")).user().userName()).isEqualTo("tagged-red");
            IamException e = catchThrowableOfType(IamException.class,
                    () -> reader.getUser(r -> r.userName("tagged-blue")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }
}
