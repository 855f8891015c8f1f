package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * ListPolicyVersions and GetPolicyVersion of AWS managed policies serve their history, as far as the catalogue's
 * source holds it (IAM User Guide, "Versioning IAM policies").
 */
class AwsManagedPolicyVersionsSdkTest {

    private static final String S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    private final SigilTestServer server = SharedServer.get();
    private final IamClient iam = server.rootIam();

    @Test
    void listPolicyVersions_ofAnAwsManagedPolicy_listsItsOlderVersionsAndTheDefault() {
        List<PolicyVersion> versions = iam.listPolicyVersions(r -> r.policyArn(S3_READ_ONLY)).versions();

        // Newest first, as AWS lists versions (the AWS CLI's list-policy-versions example: v2, then v1).
        assertThat(versions).extracting(PolicyVersion::versionId).containsExactly("v3", "v2", "v1");
        assertThat(versions).extracting(PolicyVersion::isDefaultVersion).containsExactly(true, false, false);
        assertThat(versions).allSatisfy(v -> assertThat(v.document()).isNull());
        assertThat(iam.getPolicy(r -> r.policyArn(S3_READ_ONLY)).policy().defaultVersionId()).isEqualTo("v3");
    }

    @Test
    void getPolicyVersion_ofAnOlderAwsVersion_returnsItsDocumentUrlEncoded() {
        PolicyVersion v1 = iam.getPolicyVersion(r -> r.policyArn(S3_READ_ONLY).versionId("v1")).policyVersion();

        assertThat(v1.isDefaultVersion()).isFalse();
        assertThat(URLDecoder.decode(v1.document(), StandardCharsets.UTF_8)).contains("\"s3:Get*\"")
                .contains("\"s3:List*\"").doesNotContain("s3-object-lambda");
        PolicyVersion v3 = iam.getPolicyVersion(r -> r.policyArn(S3_READ_ONLY).versionId("v3")).policyVersion();
        assertThat(v3.isDefaultVersion()).isTrue();
        assertThat(v3.document()).isNotEqualTo(v1.document());
    }

    @Test
    void getPolicyVersion_ofAVersionTheAwsPolicyDoesNotHave_isNoSuchEntity() {
        awsError(() -> iam.getPolicyVersion(r -> r.policyArn(S3_READ_ONLY).versionId("v4")),
                NoSuchEntityException.class, 404, "NoSuchEntity", null);
    }

    @Test
    void listPolicyVersions_ofAnAwsManagedPolicy_pagesWithMaxItems() {
        List<String> ids = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListPolicyVersionsResponse page = iam.listPolicyVersions(r -> r.policyArn(S3_READ_ONLY).maxItems(2)
                    .marker(m));
            page.versions().forEach(v -> ids.add(v.versionId()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);

        assertThat(ids).containsExactly("v3", "v2", "v1");
    }
}
