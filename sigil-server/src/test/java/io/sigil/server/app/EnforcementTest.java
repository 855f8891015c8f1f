package io.sigil.server.app;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every call is authorised through the engine against the enforcement table: the resource and the context keys
 * an operation's action is checked with decide, as on AWS.
 */
class EnforcementTest {
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void rename_needsPermissionOnTheOldAndTheNewName() {
        String acct = SigilTestServer.ACCOUNT_ID;
        SIGIL.root().createUser(r -> r.userName("bob"));
        try (IamClient onlyBob = SIGIL.userWith("renamer1",
                allow("iam:UpdateUser", "arn:aws:iam::" + acct + ":user/bob"))) {
            IamException e = catchThrowableOfType(IamException.class,
                    () -> onlyBob.updateUser(r -> r.userName("bob").newUserName("robert")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + acct
                    + ":user/renamer1 is not authorized to perform: iam:UpdateUser on resource: user robert"
                    + " because no identity-based policy allows the iam:UpdateUser action");
        }
        try (IamClient both = SIGIL.userWith("renamer2", allow("iam:UpdateUser", "arn:aws:iam::" + acct + ":user/*"))) {
            both.updateUser(r -> r.userName("bob").newUserName("robert"));
        }
        assertThat(SIGIL.root().getUser(r -> r.userName("robert")).user().userName()).isEqualTo("robert");
    }

    @Test
    void explicitDeny_namesTheDenyInTheMessage() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}]}";
        try (IamClient admin = SIGIL.userWith("almost-admin", policy)) {
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
        try (IamClient tagger = SIGIL.userWith("tagger", policy)) {
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
        SIGIL.root().createUser(r -> r.userName("tagged-red").tags(t -> t.key("team").value("red")));
        SIGIL.root().createUser(r -> r.userName("tagged-blue").tags(t -> t.key("team").value("blue")));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"red\"}}}]}";
        try (IamClient reader = SIGIL.userWith("abac-reader", policy)) {
            assertThat(reader.getUser(r -> r.userName("tagged-red")).user().userName()).isEqualTo("tagged-red");
            IamException e = catchThrowableOfType(IamException.class,
                    () -> reader.getUser(r -> r.userName("tagged-blue")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }
}
