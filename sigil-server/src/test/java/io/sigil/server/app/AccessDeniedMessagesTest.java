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
 * IAM's own AccessDenied answers name the policy type that denied, and for an explicit deny by a managed policy
 * (identity-based or permissions boundary) its ARN (IAM User Guide, "Troubleshoot access denied error messages";
 * AWS Security Blog, "Enhanced access denied error messages with policy ARNs").
 */
class AccessDeniedMessagesTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static String doc(String effect, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    private static String denial(IamClient c, String newUser) {
        IamException e = catchThrowableOfType(IamException.class, () -> c.createUser(r -> r.userName(newUser)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void explicitDenyInAnAttachedManagedPolicy_namesThePolicyArn() {
        SIGIL.root().createUser(r -> r.userName("m1"));
        SIGIL.root().putUserPolicy(r -> r.userName("m1").policyName("all").policyDocument(doc("Allow", "iam:*")));
        String arn = SIGIL.root().createPolicy(r -> r.policyName("NoCreateUser")
                .policyDocument(doc("Deny", "iam:CreateUser"))).policy().arn();
        SIGIL.root().attachUserPolicy(r -> r.userName("m1").policyArn(arn));
        try (IamClient c = SIGIL.clientOf("m1")) {
            assertThat(denial(c, "x-m1")).isEqualTo("User: arn:aws:iam::" + ACCT + ":user/m1 is not authorized to "
                    + "perform: iam:CreateUser on resource: arn:aws:iam::" + ACCT + ":user/x-m1 with an explicit deny "
                    + "in an identity-based policy: " + arn);
        }
    }

    @Test
    void boundary_implicitAndExplicit() {
        String onlyGet = SIGIL.root().createPolicy(r -> r.policyName("OnlyGet")
                .policyDocument(doc("Allow", "iam:Get*"))).policy().arn();
        SIGIL.root().createUser(r -> r.userName("b1").permissionsBoundary(onlyGet));
        SIGIL.root().putUserPolicy(r -> r.userName("b1").policyName("all").policyDocument(doc("Allow", "iam:*")));
        try (IamClient c = SIGIL.clientOf("b1")) {
            assertThat(denial(c, "x-b1")).endsWith("on resource: arn:aws:iam::" + ACCT
                    + ":user/x-b1 because no permissions boundary allows the iam:CreateUser action");
        }
        String denyCreate = SIGIL.root().createPolicy(r -> r.policyName("BoundaryDeny").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":"
                        + "\"*\"},{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}]}")).policy().arn();
        SIGIL.root().createUser(r -> r.userName("b2").permissionsBoundary(denyCreate));
        SIGIL.root().putUserPolicy(r -> r.userName("b2").policyName("all").policyDocument(doc("Allow", "iam:*")));
        try (IamClient c = SIGIL.clientOf("b2")) {
            assertThat(denial(c, "x-b2")).endsWith("on resource: arn:aws:iam::" + ACCT
                    + ":user/x-b2 with an explicit deny in a permissions boundary: " + denyCreate);
        }
    }
}
