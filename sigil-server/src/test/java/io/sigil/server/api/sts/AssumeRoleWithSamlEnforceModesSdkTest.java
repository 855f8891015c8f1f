package io.sigil.server.api.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.saml.TestSaml;
import io.sigil.server.api.EnforceMode;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * --enforce off|audit never relax the trust policy of AssumeRoleWithSAML either: it is the only policy of that
 * credential exchange (IAM User Guide, "Policy evaluation logic"), so a role whose trust policy does not admit the
 * assertion stays refused in every mode, while one that does is assumed.
 */
class AssumeRoleWithSamlEnforceModesSdkTest {
    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String PROVIDER = "arn:aws:iam::" + ACCOUNT + ":saml-provider/ModesIdp";

    private static String role(IamClient iam, String name, String condition) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Federated\":\"" + PROVIDER + "\"},\"Action\":\"sts:AssumeRoleWithSAML\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
        return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    }

    @ParameterizedTest(name = "--enforce {0}: the trust policy decides AssumeRoleWithSAML")
    @EnumSource(EnforceMode.class)
    void theTrustPolicy_decidesAssumeRoleWithSaml_inEveryMode(EnforceMode mode) {
        TestSaml.Idp idp = TestSaml.Idp.create("https://idp.modes.example");
        try (SigilTestServer server = SigilTestServer.start(mode);
             IamClient iam = server.rootIam();
             StsClient anonymous = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create())
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            iam.createSAMLProvider(r -> r.name("ModesIdp").samlMetadataDocument(idp.metadata()));
            String closed = role(iam, "saml-closed", "{\"StringEquals\":{\"saml:sub\":\"someone-else\"}}");
            String open = role(iam, "saml-open", null);

            String forClosed = new TestSaml.Response(idp.entityId(), Instant.now())
                    .role(closed, PROVIDER, "jdoe@example.com").signedAssertion(idp);
            assertThatThrownBy(() -> anonymous.assumeRoleWithSAML(b -> b.roleArn(closed).principalArn(PROVIDER)
                    .samlAssertion(forClosed))).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Not authorized to perform sts:AssumeRoleWithSAML");
                    });

            String forOpen = new TestSaml.Response(idp.entityId(), Instant.now())
                    .role(open, PROVIDER, "jdoe@example.com").signedAssertion(idp);
            assertThat(anonymous.assumeRoleWithSAML(b -> b.roleArn(open).principalArn(PROVIDER)
                    .samlAssertion(forOpen)).assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/saml-open/jdoe@example.com");
        }
    }
}
