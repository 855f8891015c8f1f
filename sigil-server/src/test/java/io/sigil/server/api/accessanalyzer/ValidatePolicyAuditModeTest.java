package io.sigil.server.api.accessanalyzer;

import io.sigil.server.api.EnforceMode;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.iam.IamClient;

import static org.assertj.core.api.Assertions.assertThat;

/** --enforce=audit covers the REST-JSON operations too: the call goes on, the would-be denial is audited. */
class ValidatePolicyAuditModeTest {
    @Test
    void auditMode_allowsTheCall_andRecordsTheWouldBeDenial() {
        try (SigilTestServer server = SigilTestServer.start(EnforceMode.AUDIT); IamClient iam = server.rootIam()) {
            iam.createUser(b -> b.userName("aa-audited"));
            var key = iam.createAccessKey(b -> b.userName("aa-audited")).accessKey();
            try (AccessAnalyzerClient c = AccessAnalyzerClient.builder().endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build()) {
                assertThat(c.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY)
                        .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}")).findings()).isNotNull();
            }
            String line = server.awaitAuditLine("\"sigilAuditDenial\":\"User: arn:aws:iam::"
                    + SigilTestServer.ACCOUNT_ID + ":user/aa-audited is not authorized to perform: "
                    + "access-analyzer:ValidatePolicy");
            assertThat(line).contains("\"eventSource\":\"access-analyzer.amazonaws.com\"");
        }
    }
}
