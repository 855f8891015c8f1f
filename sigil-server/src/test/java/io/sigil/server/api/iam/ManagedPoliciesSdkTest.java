package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.PolicyTestSupport.READ_ONLY;
import static io.sigil.server.api.iam.PolicyTestSupport.VIEW_ONLY;
import static io.sigil.server.api.iam.PolicyTestSupport.allow;
import static io.sigil.server.api.iam.PolicyTestSupport.decode;
import static io.sigil.server.api.iam.PolicyTestSupport.policyArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/** The managed-policy operations through the AWS SDK for Java v2 against a live server, as the root user. */
class ManagedPoliciesSdkTest {

    private static IamClient iam;

    @BeforeAll
    static void start() {
        iam = SharedServer.get().rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    private static Policy create(String name) {
        return iam.createPolicy(b -> b.policyName(name).policyDocument(allow("s3:GetObject"))).policy();
    }

    @Test
    void createPolicy_returnsTheWholePolicy_andGetPolicyAnswersTheSame() {
        Policy created = iam.createPolicy(b -> b.policyName("S3Reader").path("/team/").description("reads s3")
                .policyDocument(allow("s3:GetObject")).tags(Tag.builder().key("env").value("dev").build())).policy();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::123456789012:policy/team/S3Reader");
        assertThat(created.policyId()).matches("ANPA[A-Z2-7]{17}");
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(created.permissionsBoundaryUsageCount()).isZero();
        assertThat(created.isAttachable()).isTrue();
        assertThat(created.tags()).containsExactly(Tag.builder().key("env").value("dev").build());
        Policy got = iam.getPolicy(b -> b.policyArn(created.arn())).policy();
        assertThat(got.policyName()).isEqualTo("S3Reader");
        assertThat(got.description()).isEqualTo("reads s3");
        assertThat(got.path()).isEqualTo("/team/");
        assertThat(got.createDate()).isEqualTo(created.createDate()).isEqualTo(got.updateDate());
    }

    /** The members AWS answers, as getmoto/moto's AWS-verified test_iam_response_attributes.py records them. */
    @Test
    void createPolicy_leavesOutTheDescription_andGetPolicy_alwaysHasTags() {
        Policy created = iam.createPolicy(b -> b.policyName("Described").description("some text")
                .policyDocument(allow("s3:GetObject"))).policy();
        assertThat(created.description()).isNull();
        assertThat(created.hasTags()).isFalse();
        Policy got = iam.getPolicy(b -> b.policyArn(created.arn())).policy();
        assertThat(got.description()).isEqualTo("some text");
        assertThat(got.hasTags()).isTrue();
        assertThat(got.tags()).isEmpty();
    }

    @Test
    void duplicateNamesInAnyCase_malformedDocuments_andOversizedOnes_areTypedErrors() {
        create("Dupe");
        assertThatThrownBy(() -> create("DUPE")).isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessageStartingWith("A policy called DUPE already exists. Duplicate names are not allowed.");
        assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName("Broken").policyDocument("{\"Statement\":[]}")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        String big = allow("s3:GetObject").replace("\"*\"", "\"arn:aws:s3:::" + "x".repeat(6100) + "\"");
        assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName("Huge").policyDocument(big)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Cannot exceed quota for PolicySize: 6144");
    }

    /** Spec §10 H78 through the API. */
    @Test
    void policyVersions_h78_limitOfFive_defaultUndeletable_idsV6AndV7AfterDeletes() {
        String arn = create("H78").arn();
        for (int i = 2; i <= 5; i++) {
            PolicyVersion v = iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(allow("s3:*"))).policyVersion();
            assertThat(v.versionId()).isEqualTo("v" + i);
            assertThat(v.isDefaultVersion()).isFalse();
            assertThat(v.document()).isNull();
        }
        assertThatThrownBy(() -> iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(allow("s3:*"))))
                .isInstanceOf(LimitExceededException.class).hasMessageStartingWith(
                        "A managed policy can have up to 5 versions. Before you create a new version, you must "
                                + "delete an existing version.");
        assertThatThrownBy(() -> iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v1")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageStartingWith("Cannot delete the default version of a policy.");
        iam.setDefaultPolicyVersion(b -> b.policyArn(arn).versionId("v3"));
        iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v2"));
        iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v4"));
        assertThat(iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(allow("s3:*"))).policyVersion()
                .versionId()).isEqualTo("v6");
        assertThat(iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(allow("s3:*")).setAsDefault(true))
                .policyVersion().versionId()).isEqualTo("v7");
        assertThat(iam.listPolicyVersions(b -> b.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v7", "v6", "v5", "v3", "v1"); // newest first, as AWS lists them
        assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v7");
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(arn))).isInstanceOf(DeleteConflictException.class)
                .hasMessageStartingWith("This policy has more than one version.");
    }

    @Test
    void getPolicyVersion_returnsTheDocumentUrlEncodedAsSubmitted() {
        String doc = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/a b+c~\"}]\n}";
        String arn = iam.createPolicy(b -> b.policyName("Encoded").policyDocument(doc)).policy().arn();
        PolicyVersion v = iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v1")).policyVersion();
        assertThat(v.isDefaultVersion()).isTrue();
        assertThat(v.document()).startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22").contains("~");
        assertThat(decode(v.document().replace("+", "%2B"))).isEqualTo(doc);
        assertThatThrownBy(() -> iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v9")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void missingPolicies_areNoSuchEntity_withIamsMessage() {
        String arn = policyArn("Absent");
        assertThatThrownBy(() -> iam.getPolicy(b -> b.policyArn(arn))).isInstanceOf(NoSuchEntityException.class)
                .hasMessageStartingWith("Policy " + arn + " was not found.");
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(arn))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.listPolicyVersions(b -> b.policyArn(arn)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void listPolicies_scopeLocal_pagesWithSmallMaxItems() {
        for (String n : List.of("pageA", "pageB", "pageC")) {
            iam.createPolicy(b -> b.policyName(n).path("/paged/").policyDocument(allow("s3:*")));
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListPoliciesResponse r = iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL).pathPrefix("/paged/")
                    .maxItems(2).marker(m));
            r.policies().forEach(p -> names.add(p.policyName()));
            assertThat(r.policies()).allMatch(p -> p.tags().isEmpty() && p.description() == null);
            marker = r.isTruncated() ? r.marker() : null;
            pages++;
        } while (marker != null);
        assertThat(names).containsExactly("pageA", "pageB", "pageC");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void listPolicies_scopeAws_listsTheCatalogue_andAwsPoliciesAreReadable() {
        List<String> arns = new ArrayList<>();
        iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.AWS).maxItems(500)).policies()
                .forEach(p -> arns.add(p.arn()));
        assertThat(arns).hasSizeGreaterThan(1500).contains(READ_ONLY, VIEW_ONLY).doesNotHaveDuplicates();
        Policy viewOnly = iam.getPolicy(b -> b.policyArn(VIEW_ONLY)).policy();
        assertThat(viewOnly.path()).isEqualTo("/job-function/");
        PolicyVersion v = iam.getPolicyVersion(b -> b.policyArn(VIEW_ONLY).versionId(viewOnly.defaultVersionId()))
                .policyVersion();
        assertThat(decode(v.document())).contains("\"Version\": \"2012-10-17\"");
        assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.AWS).pathPrefix("/job-function/")).policies())
                .extracting(Policy::arn).contains(VIEW_ONLY);
    }

    @Test
    void changingAnAwsManagedPolicy_isAccessDenied() {
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(READ_ONLY))).isInstanceOfSatisfying(
                IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> iam.createPolicyVersion(b -> b.policyArn(READ_ONLY).policyDocument(allow("s3:*"))))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void policyTags_areTaggedUntaggedAndListed() {
        String arn = create("TagMe").arn();
        iam.tagPolicy(b -> b.policyArn(arn).tags(Tag.builder().key("b").value("2").build(),
                Tag.builder().key("a").value("1").build()));
        // Keys of customer managed policies are case sensitive (IAM User Guide, "Tagging IAM resources": "the policy
        // will have both").
        iam.tagPolicy(b -> b.policyArn(arn).tags(Tag.builder().key("A").value("3").build()));
        iam.untagPolicy(b -> b.policyArn(arn).tagKeys("B", "b"));
        assertThat(iam.listPolicyTags(b -> b.policyArn(arn)).tags()).containsExactly(
                Tag.builder().key("A").value("3").build(), Tag.builder().key("a").value("1").build());
        assertThat(iam.listPolicyTags(b -> b.policyArn(READ_ONLY)).tags()).isEmpty();
    }

    @Test
    void listPolicyVersionsAndListPolicyTags_pageWithSmallMaxItems() {
        String arn = iam.createPolicy(b -> b.policyName("PagedParts").policyDocument(allow("s3:*"))
                .tags(Tag.builder().key("t1").value("1").build(), Tag.builder().key("t2").value("2").build(),
                        Tag.builder().key("t3").value("3").build())).policy().arn();
        iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(allow("s3:Get*")));
        iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(allow("s3:Put*")));
        var first = iam.listPolicyVersions(b -> b.policyArn(arn).maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.versions()).extracting(PolicyVersion::versionId).containsExactly("v3", "v2");
        var rest = iam.listPolicyVersions(b -> b.policyArn(arn).maxItems(2).marker(first.marker()));
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.versions()).extracting(PolicyVersion::versionId).containsExactly("v1");
        List<String> keys = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var page = iam.listPolicyTags(b -> b.policyArn(arn).maxItems(1).marker(m));
            page.tags().forEach(t -> keys.add(t.key()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertThat(keys).containsExactly("t1", "t2", "t3");
    }

    @Test
    void deletePolicy_ofAnUnusedOneVersionPolicy_succeeds() {
        String arn = create("Disposable").arn();
        iam.deletePolicy(b -> b.policyArn(arn));
        assertThatThrownBy(() -> iam.getPolicy(b -> b.policyArn(arn))).isInstanceOf(NoSuchEntityException.class);
    }
}
