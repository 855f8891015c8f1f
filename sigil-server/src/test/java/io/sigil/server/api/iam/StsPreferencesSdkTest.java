package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.GlobalEndpointTokenVersion;
import io.sigil.iam.service.StsPreferencesService;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/**
 * SetSecurityTokenServicePreferences through the SDK (IAM API Reference): the global endpoint's token version is
 * recorded per account, v1Token until set; anything but v1Token | v2Token is a ValidationError; the call needs
 * iam:SetSecurityTokenServicePreferences. The setting is account-wide, so these tests run on a server of their own.
 */
class StsPreferencesSdkTest {

    private static final String ACCT = SigilTestServer.ACCOUNT_ID;

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static GlobalEndpointTokenVersion recorded() {
        return new StsPreferencesService(SIGIL.server().app().store()).globalEndpointTokenVersion(ACCT);
    }

    @Test
    void theVersion_isV1UntilSet_thenRecordedAsSet_andGetAccountSummaryReportsIt() {
        assertThat(recorded()).as("an account that never set it").isEqualTo(GlobalEndpointTokenVersion.V1_TOKEN);
        assertThat(SIGIL.root().getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 1);

        SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion(
                software.amazon.awssdk.services.iam.model.GlobalEndpointTokenVersion.V2_TOKEN));
        assertThat(recorded()).isEqualTo(GlobalEndpointTokenVersion.V2_TOKEN);
        assertThat(SIGIL.root().getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 2);

        SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("v2Token"));
        assertThat(recorded()).isEqualTo(GlobalEndpointTokenVersion.V2_TOKEN);

        SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("v1Token"));
        assertThat(recorded()).isEqualTo(GlobalEndpointTokenVersion.V1_TOKEN);
        assertThat(SIGIL.root().getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 1);
    }

    @Test
    void aValueOutsideTheEnum_isValidationError_andChangesNothing() {
        GlobalEndpointTokenVersion before = recorded();
        awsError(() -> SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("v3Token")),
                IamException.class, 400, "ValidationError", "1 validation error detected: Value at "
                        + "'globalEndpointTokenVersion' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: [v1Token, v2Token]");
        awsError(() -> SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("V2TOKEN")),
                IamException.class, 400, "ValidationError", null);
        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void aMissingVersion_isValidationError() {
        IamException e = awsError(() -> SIGIL.root().setSecurityTokenServicePreferences(r -> { }),
                IamException.class, 400, "ValidationError", null);
        assertThat(e.awsErrorDetails().errorMessage()).contains("'globalEndpointTokenVersion'")
                .contains("Member must not be null");
    }

    @Test
    void aUserNeedsIamSetSecurityTokenServicePreferences() {
        Entities.user(SIGIL.server(), "no-sts-prefs");
        Entities.user(SIGIL.server(), "sts-prefs-admin");
        GlobalEndpointTokenVersion before = recorded();
        try (IamClient denied = signingAs(SIGIL.server(), "no-sts-prefs", allow("iam:GetUser"))) {
            IamException e = awsError(() -> denied.setSecurityTokenServicePreferences(
                    r -> r.globalEndpointTokenVersion("v2Token")), IamException.class, 403, "AccessDenied", null);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCT
                    + ":user/no-sts-prefs is not authorized to perform: iam:SetSecurityTokenServicePreferences on "
                    + "resource: ");
            assertThat(recorded()).isEqualTo(before);
        }
        try (IamClient allowed = signingAs(SIGIL.server(), "sts-prefs-admin",
                allow("iam:SetSecurityTokenServicePreferences"))) {
            allowed.setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("v2Token"));
            assertThat(recorded()).isEqualTo(GlobalEndpointTokenVersion.V2_TOKEN);
        }
        SIGIL.root().setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion("v1Token"));
    }
}
