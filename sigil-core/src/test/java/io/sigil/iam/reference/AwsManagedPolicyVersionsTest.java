package io.sigil.iam.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.PolicyVersion;
import io.sigil.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history of AWS managed policies: older versions listed in order with their dates, documents on demand. */
class AwsManagedPolicyVersionsTest {

    private static final String S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    private final AwsManagedPolicies.Entry s3 = AwsManagedPolicies.catalogue().find(S3_READ_ONLY).orElseThrow();

    @Test
    void versions_listOlderVersionsFirst_andEndWithTheDefaultOne_onlyItMarkedDefault() {
        List<PolicyVersion> versions = AwsManagedPolicyVersions.index().versions(s3);

        assertThat(versions).extracting(PolicyVersion::versionId).containsExactly("v1", "v2", "v3");
        assertThat(versions).extracting(PolicyVersion::isDefault).containsExactly(false, false, true);
        assertThat(versions.get(0).createDate()).isEqualTo(Instant.parse("2015-02-06T18:40:59Z"));
        assertThat(s3.policy().defaultVersionId()).isEqualTo("v3");
    }

    @Test
    void version_ofAnOlderId_isReadWithItsDocumentLaidOutAsAwsReturnsIt() {
        PolicyVersion v1 = AwsManagedPolicyVersions.index().version(s3, "v1").orElseThrow();

        assertThat(v1.isDefault()).isFalse();
        assertThat(v1.document()).isEqualTo("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n"
                + "        {\n            \"Effect\": \"Allow\",\n            \"Action\": [\n"
                + "                \"s3:Get*\",\n                \"s3:List*\"\n            ],\n"
                + "            \"Resource\": \"*\"\n        }\n    ]\n}");
        assertThat(PolicyParser.parse(v1.document()).ok()).isTrue();
    }

    @Test
    void version_ofTheDefaultId_isTheCataloguesDocument_andAnUnknownIdIsEmpty() {
        assertThat(AwsManagedPolicyVersions.index().version(s3, "v3")).contains(s3.defaultVersion());
        assertThat(AwsManagedPolicyVersions.index().version(s3, "v4")).isEmpty();
        assertThat(AwsManagedPolicyVersions.index().version(s3, "v0")).isEmpty();
    }

    @Test
    void aPolicyWithOneVersion_listsOnlyItsDefault() {
        AwsManagedPolicies.Entry admin = AwsManagedPolicies.catalogue()
                .find("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();

        assertThat(AwsManagedPolicyVersions.index().versions(admin)).extracting(PolicyVersion::versionId)
                .containsExactly("v1");
    }

    @Test
    void readOnlyAccess_hasItsLongHistory_inNumericOrder() {
        AwsManagedPolicies.Entry ro = AwsManagedPolicies.catalogue()
                .find("arn:aws:iam::aws:policy/ReadOnlyAccess").orElseThrow();

        List<PolicyVersion> versions = AwsManagedPolicyVersions.index().versions(ro);

        assertThat(versions).hasSizeGreaterThan(100);
        assertThat(versions).extracting(v -> PolicyVersion.number(v.versionId())).isSorted();
        assertThat(versions.get(versions.size() - 1).versionId()).isEqualTo(ro.policy().defaultVersionId());
        PolicyVersion v10 = AwsManagedPolicyVersions.index().version(ro, "v10").orElseThrow();
        assertThat(PolicyParser.parse(v10.document()).ok()).isTrue();
    }
}
