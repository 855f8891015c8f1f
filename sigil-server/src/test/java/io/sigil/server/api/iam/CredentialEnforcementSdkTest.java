package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.pki.TestPki;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.security.KeyPair;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * How keys, certificates and service-specific credentials are authorised (enforcement.tsv; Service Authorization
 * Reference for IAM): user credentials on the owning user's ARN, server certificates on
 * {@code arn:aws:iam::ACCOUNT:server-certificate/PATH/NAME} with their tags, renames on the old and the new ARN, and
 * the {@code iam:ServiceSpecificCredentialServiceName} and {@code iam:ServiceSpecificCredentialAgeDays} keys.
 */
class CredentialEnforcementSdkTest {

    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    private static final KeyPair KEYS = TestPki.sharedRsa(2048);
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static String allow(String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition)
                + "}]}";
    }

    private static void denied(ThrowingCallable call, String caller, String action, String resource) {
        IamException e = catchThrowableOfType(IamException.class, call);
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCT + ":user/" + caller
                + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action");
    }

    private static void serverCert(String name, String path, Tag... tags) {
        SIGIL.root().uploadServerCertificate(r -> r.serverCertificateName(name).path(path).tags(tags)
                .certificateBody(TestPki.pem(TestPki.selfSigned(KEYS, name))).privateKey(TestPki.pkcs8(KEYS.getPrivate())));
    }

    @Test
    void sshKeyUpload_isAuthorisedOnTheOwningUsersArnWithItsPath() {
        SIGIL.root().createUser(r -> r.userName("dev-1").path("/devs/"));
        SIGIL.root().createUser(r -> r.userName("ops-1"));
        try (IamClient admin = SIGIL.userWith("ssh-admin", allow("iam:UploadSSHPublicKey",
                "arn:aws:iam::" + ACCT + ":user/devs/*", null))) {
            admin.uploadSSHPublicKey(r -> r.userName("dev-1").sshPublicKeyBody(TestPki.openSsh(KEYS, "d")));
            denied(() -> admin.uploadSSHPublicKey(r -> r.userName("ops-1").sshPublicKeyBody(TestPki.openSsh(KEYS, "o"))),
                    "ssh-admin", "iam:UploadSSHPublicKey", "user ops-1"); // AccessDenied names a user "user NAME"
        }
    }

    @Test
    void serverCertificateGet_isAuthorisedOnItsArnWithTheStoredPath() {
        serverCert("cdn", "/cloudfront/");
        serverCert("lb", "/elb/");
        try (IamClient reader = SIGIL.userWith("cert-reader", allow("iam:GetServerCertificate",
                "arn:aws:iam::" + ACCT + ":server-certificate/cloudfront/*", null))) {
            reader.getServerCertificate(r -> r.serverCertificateName("cdn"));
            denied(() -> reader.getServerCertificate(r -> r.serverCertificateName("lb")), "cert-reader",
                    "iam:GetServerCertificate", "arn:aws:iam::" + ACCT + ":server-certificate/elb/lb");
        }
    }

    @Test
    void serverCertificateUpload_seesRequestTags_andDelete_seesResourceTags() {
        serverCert("tagged-dev", "/", Tag.builder().key("env").value("dev").build());
        serverCert("tagged-prod", "/", Tag.builder().key("env").value("prod").build());
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:UploadServerCertificate\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/env\":\"dev\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:DeleteServerCertificate\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/env\":\"dev\"}}}]}";
        try (IamClient devOnly = SIGIL.userWith("cert-dev", policy)) {
            devOnly.deleteServerCertificate(r -> r.serverCertificateName("tagged-dev"));
            denied(() -> devOnly.deleteServerCertificate(r -> r.serverCertificateName("tagged-prod")), "cert-dev",
                    "iam:DeleteServerCertificate", "arn:aws:iam::" + ACCT + ":server-certificate/tagged-prod");
            denied(() -> devOnly.uploadServerCertificate(r -> r.serverCertificateName("untagged")
                            .certificateBody(TestPki.pem(TestPki.selfSigned(KEYS, "u")))
                            .privateKey(TestPki.pkcs8(KEYS.getPrivate()))), "cert-dev", "iam:UploadServerCertificate",
                    "arn:aws:iam::" + ACCT + ":server-certificate/untagged");
        }
    }

    @Test
    void serverCertificateRename_needsPermissionOnTheOldAndTheNewArn() {
        serverCert("ProductionCert", "/");
        try (IamClient onlyOld = SIGIL.userWith("renamer", allow("iam:UpdateServerCertificate",
                "arn:aws:iam::" + ACCT + ":server-certificate/ProductionCert", null))) {
            denied(() -> onlyOld.updateServerCertificate(r -> r.serverCertificateName("ProductionCert")
                            .newServerCertificateName("ProdCert")), "renamer", "iam:UpdateServerCertificate",
                    "arn:aws:iam::" + ACCT + ":server-certificate/ProdCert");
        }
    }

    @Test
    void serviceCredentialCreation_seesTheServiceNameAndAgeKeys() {
        SIGIL.root().createUser(r -> r.userName("keyed-user"));
        String condition = "{\"StringEquals\":{\"iam:ServiceSpecificCredentialServiceName\":\"bedrock.amazonaws.com\"},"
                + "\"NumericLessThanEquals\":{\"iam:ServiceSpecificCredentialAgeDays\":\"90\"}}";
        try (IamClient bedrockOnly = SIGIL.userWith("bedrock-admin", allow("iam:CreateServiceSpecificCredential", "*",
                condition))) {
            bedrockOnly.createServiceSpecificCredential(r -> r.userName("keyed-user")
                    .serviceName("bedrock.amazonaws.com").credentialAgeDays(30));
            denied(() -> bedrockOnly.createServiceSpecificCredential(r -> r.userName("keyed-user")
                            .serviceName("bedrock.amazonaws.com").credentialAgeDays(365)), "bedrock-admin",
                    "iam:CreateServiceSpecificCredential", "arn:aws:iam::" + ACCT + ":user/keyed-user");
            denied(() -> bedrockOnly.createServiceSpecificCredential(r -> r.userName("keyed-user")
                            .serviceName("codecommit.amazonaws.com")), "bedrock-admin",
                    "iam:CreateServiceSpecificCredential", "arn:aws:iam::" + ACCT + ":user/keyed-user");
        }
    }

    @Test
    void serviceCredentialReset_seesTheStoredCredentialsServiceName() {
        SIGIL.root().createUser(r -> r.userName("two-services"));
        String git = SIGIL.root().createServiceSpecificCredential(r -> r.userName("two-services")
                .serviceName("codecommit.amazonaws.com")).serviceSpecificCredential().serviceSpecificCredentialId();
        String ks = SIGIL.root().createServiceSpecificCredential(r -> r.userName("two-services")
                .serviceName("cassandra.amazonaws.com")).serviceSpecificCredential().serviceSpecificCredentialId();
        String condition = "{\"StringEquals\":{\"iam:ServiceSpecificCredentialServiceName\":\"cassandra.amazonaws.com\"}}";
        try (IamClient keyspaces = SIGIL.userWith("ks-admin",
                allow("iam:ResetServiceSpecificCredential", "*", condition))) {
            keyspaces.resetServiceSpecificCredential(r -> r.userName("two-services").serviceSpecificCredentialId(ks));
            denied(() -> keyspaces.resetServiceSpecificCredential(r -> r.userName("two-services")
                            .serviceSpecificCredentialId(git)), "ks-admin", "iam:ResetServiceSpecificCredential",
                    "user two-services");
        }
    }

    @Test
    void listServerCertificates_isAuthorisedOnTheServerCertificatePrefix() {
        try (IamClient nobody = SIGIL.userWith("no-list", allow("iam:GetUser", "*", null))) {
            denied(nobody::listServerCertificates, "no-list", "iam:ListServerCertificates",
                    "arn:aws:iam::" + ACCT + ":server-certificate/");
        }
    }
}
