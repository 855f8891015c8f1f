package io.sigil.iam.service;

import static io.sigil.iam.service.PolicyServiceFixture.ACCOUNT;
import static io.sigil.iam.service.PolicyServiceFixture.NOW;
import static io.sigil.iam.service.PolicyServiceFixture.READ_ONLY;
import static io.sigil.iam.service.PolicyServiceFixture.ROOT;
import static io.sigil.iam.service.PolicyServiceFixture.allow;
import static io.sigil.iam.service.PolicyServiceFixture.assertIamError;
import static io.sigil.iam.service.PolicyServiceFixture.documentOfSize;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Tag;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ManagedPolicyService on SQLite: CreatePolicy through SetDefaultPolicyVersion and policy tags. */
class ManagedPolicyServiceTest {

    @TempDir
    Path dir;
    private PolicyServiceFixture f;
    private ManagedPolicyService policies;

    @BeforeEach
    void setUp() {
        f = new PolicyServiceFixture(dir, Limits.AWS_DEFAULTS);
        policies = f.policies();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void createPolicy_answersV1AsDefault_withZeroCounts_attachable_andCreateEqualsUpdateDate() {
        PolicyInfo p = policies.createPolicy(ACCOUNT, "S3Read", "/team/", allow("s3:GetObject"), "reads",
                List.of(new Tag("env", "dev")));
        assertThat(p.policy().arn()).isEqualTo("arn:aws:iam::123456789012:policy/team/S3Read");
        assertThat(p.policy().id()).matches("ANPA[A-Z2-7]{17}");
        assertThat(p.policy().defaultVersionId()).isEqualTo("v1");
        assertThat(p.policy().description()).isEqualTo("reads");
        assertThat(p.policy().tags()).containsExactly(new Tag("env", "dev"));
        assertThat(p.usage().attachmentCount()).isZero();
        assertThat(p.isAttachable()).isTrue();
        assertThat(p.policy().createDate()).isEqualTo(NOW).isEqualTo(p.policy().updateDate());
    }

    @Test
    void createPolicy_withoutPath_isAtTheRoot() {
        assertThat(f.createPolicy("Rooted", null).policy().path()).isEqualTo("/");
    }

    @Test
    void aMalformedDocument_isMalformedPolicyDocument_withTheValidatorsFirstError() {
        String noVersion = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        String expected = PolicyValidator.validate(noVersion, PolicyType.IDENTITY).firstErrorMessage();
        assertThat(expected).isNotNull();
        assertIamError(() -> policies.createPolicy(ACCOUNT, "Bad", "/", noVersion, null, List.of()),
                "MalformedPolicyDocument", expected);
        assertIamError(() -> policies.createPolicy(ACCOUNT, "Bad", "/", "not json", null, List.of()),
                "MalformedPolicyDocument", null);
    }

    /** IAM quotas: managed policy size 6,144 characters, whitespace not counted; tested at limit−1, limit, limit+1. */
    @Test
    void managedPolicySize_6144IsAccepted_6145IsLimitExceeded_andWhitespaceDoesNotCount() {
        policies.createPolicy(ACCOUNT, "Below", "/", documentOfSize(6143), null, List.of());
        policies.createPolicy(ACCOUNT, "AtLimit", "/", documentOfSize(6144).replace(",", ",   \n  "), null,
                List.of());
        assertIamError(() -> policies.createPolicy(ACCOUNT, "Above", "/", documentOfSize(6145), null, List.of()),
                "LimitExceeded", "Cannot exceed quota for PolicySize: 6144");
        String arn = "arn:aws:iam::123456789012:policy/Below";
        assertIamError(() -> policies.createPolicyVersion(ROOT, arn, documentOfSize(6145), false),
                "LimitExceeded", "Cannot exceed quota for PolicySize: 6144");
    }

    @Test
    void getPolicy_ofAnAwsManagedPolicy_comesFromTheCatalogue_withTheAccountsAttachmentCount() {
        f.createUser("ann");
        f.attachments().attach(ACCOUNT, PolicyOwnerKind.USER, "ann", READ_ONLY);
        PolicyInfo p = policies.getPolicy(ACCOUNT, READ_ONLY);
        assertThat(p.policy().name()).isEqualTo("ReadOnlyAccess");
        assertThat(p.policy().path()).isEqualTo("/");
        assertThat(p.policy().defaultVersionId()).matches("v[0-9]+");
        assertThat(p.policy().createDate()).isBefore(p.policy().updateDate());
        assertThat(p.usage().attachmentCount()).isEqualTo(1);
        assertThat(policies.getPolicy(PolicyServiceFixture.OTHER_ACCOUNT, READ_ONLY).usage().attachmentCount())
                .isZero();
    }

    @Test
    void aPolicyThatDoesNotExist_orBelongsToAnotherAccount_isNoSuchEntity() {
        String other = policies.createPolicy(PolicyServiceFixture.OTHER_ACCOUNT, "Theirs", "/",
                allow("s3:*"), null, List.of()).policy().arn();
        assertIamError(() -> policies.getPolicy(ACCOUNT, other), "NoSuchEntity", "Policy " + other + " was not found.");
        String missing = "arn:aws:iam::aws:policy/NoSuchAwsPolicy";
        assertIamError(() -> policies.getPolicy(ACCOUNT, missing), "NoSuchEntity",
                "Policy " + missing + " was not found.");
    }

    /** Spec §10 H78. */
    @Test
    void policyVersions_followH78_sixthRefused_defaultUndeletable_idsNeverReused() {
        String arn = f.createPolicy("Versioned", "/").policy().arn();
        for (int i = 2; i <= 5; i++) {
            assertThat(policies.createPolicyVersion(ROOT, arn, allow("s3:Get" + i), false).versionId())
                    .isEqualTo("v" + i);
        }
        assertIamError(() -> policies.createPolicyVersion(ROOT, arn, allow("s3:*"), false), "LimitExceeded",
                "A managed policy can have up to 5 versions. Before you create a new version, you must delete an "
                        + "existing version.");
        assertIamError(() -> policies.deletePolicyVersion(ROOT, arn, "v1"), "DeleteConflict",
                "Cannot delete the default version of a policy.");
        policies.setDefaultPolicyVersion(ROOT, arn, "v3");
        policies.deletePolicyVersion(ROOT, arn, "v2");
        policies.deletePolicyVersion(ROOT, arn, "v4");
        assertThat(policies.createPolicyVersion(ROOT, arn, allow("s3:Put"), false).versionId()).isEqualTo("v6");
        assertThat(policies.createPolicyVersion(ROOT, arn, allow("s3:List"), true).versionId()).isEqualTo("v7");
        assertThat(policies.getPolicy(ACCOUNT, arn).policy().defaultVersionId()).isEqualTo("v7");
        assertThat(policies.getPolicyVersion(ACCOUNT, arn, "v3").document()).isEqualTo(allow("s3:Get3"));
        assertThat(policies.getPolicyVersion(ACCOUNT, arn, "v3").isDefault()).isFalse();
        assertIamError(() -> policies.getPolicyVersion(ACCOUNT, arn, "v2"), "NoSuchEntity",
                "Policy " + arn + " version v2 does not exist or is not attachable.");
    }

    @Test
    void listPolicyVersions_pagesWithSmallMaxItems_newestFirst() {
        String arn = f.createPolicy("Paged", "/").policy().arn();
        for (int i = 0; i < 4; i++) {
            policies.createPolicyVersion(ROOT, arn, allow("s3:Get" + i), false);
        }
        List<String> ids = new ArrayList<>();
        PageRequest page = PageRequest.of(2);
        int pages = 0;
        while (true) {
            Page<PolicyVersion> p = policies.listPolicyVersions(ACCOUNT, arn, page);
            p.items().forEach(v -> ids.add(v.versionId()));
            pages++;
            if (!p.isTruncated()) {
                break;
            }
            page = page.after(p.nextMarker());
        }
        assertThat(ids).containsExactly("v5", "v4", "v3", "v2", "v1");
        assertThat(pages).isEqualTo(3);
    }

    /** Policy › UpdateDate: "the date and time when the most recent policy version was created". */
    @Test
    void updateDate_isWhenTheMostRecentVersionWasCreated_notWhenTheDefaultMoved() {
        String arn = f.createPolicy("Dated", "/").policy().arn();
        Instant later = NOW.plusSeconds(3600);
        ManagedPolicyService laterService = new ManagedPolicyService(f.store,
                java.time.Clock.fixed(later, java.time.ZoneOffset.UTC), f.limits);
        laterService.createPolicyVersion(ROOT, arn, allow("s3:*"), false);
        assertThat(policies.getPolicy(ACCOUNT, arn).policy().updateDate()).isEqualTo(later);
        assertThat(policies.getPolicyVersion(ACCOUNT, arn, "v2").createDate()).isEqualTo(later);
        policies.setDefaultPolicyVersion(ROOT, arn, "v2");
        assertThat(policies.getPolicy(ACCOUNT, arn).policy().updateDate()).isEqualTo(later);
        assertThat(policies.getPolicy(ACCOUNT, arn).policy().createDate()).isEqualTo(NOW);
    }

    @Test
    void awsManagedPolicies_areReadable_butEveryChangeIsAccessDenied() {
        PolicyVersion v = policies.getPolicyVersion(ACCOUNT, READ_ONLY,
                policies.getPolicy(ACCOUNT, READ_ONLY).policy().defaultVersionId());
        assertThat(v.isDefault()).isTrue();
        assertThat(v.document()).contains("\"Effect\": \"Allow\"");
        List<PolicyVersion> versions = policies.listPolicyVersions(ACCOUNT, READ_ONLY,
                PageRequest.of(PageRequest.MAX_MAX_ITEMS)).items();
        assertThat(versions).last().extracting(PolicyVersion::versionId).isEqualTo("v1"); // newest first
        assertThat(versions).filteredOn(PolicyVersion::isDefault).singleElement()
                .extracting(PolicyVersion::versionId).isEqualTo(v.versionId());
        String denied = "User: arn:aws:iam::123456789012:root is not authorized to perform: iam:DeletePolicy on "
                + "resource: policy " + READ_ONLY;
        assertIamError(() -> policies.deletePolicy(ROOT, READ_ONLY), "AccessDenied", denied);
        assertIamError(() -> policies.createPolicyVersion(ROOT, READ_ONLY, allow("s3:*"), true), "AccessDenied",
                null);
        assertIamError(() -> policies.setDefaultPolicyVersion(ROOT, READ_ONLY, "v1"), "AccessDenied", null);
        assertIamError(() -> policies.tagPolicy(ROOT, READ_ONLY, List.of(new Tag("a", "b"))), "AccessDenied", null);
        assertThat(policies.listPolicyTags(ACCOUNT, READ_ONLY, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void deletePolicy_removesItWithItsDefaultVersion_soTheNameCanBeReused() {
        String arn = f.createPolicy("Gone", "/").policy().arn();
        policies.deletePolicy(ROOT, arn);
        assertIamError(() -> policies.getPolicy(ACCOUNT, arn), "NoSuchEntity", null);
        assertThat(f.createPolicy("GONE", "/").policy().defaultVersionId()).isEqualTo("v1");
    }

    @Test
    void policyTags_areAddedReplacedByExactKeyRemovedAndListedByKey() {
        String arn = f.createPolicy("Tagged", "/").policy().arn();
        policies.tagPolicy(ROOT, arn, List.of(new Tag("Team", "a"), new Tag("env", "dev")));
        policies.tagPolicy(ROOT, arn, List.of(new Tag("team", "b"), new Tag("env", "prod")));
        // "the policy will have both" (IAM User Guide, "Tagging IAM resources": policies' keys are case sensitive).
        assertThat(policies.listPolicyTags(ACCOUNT, arn, PageRequest.first()).items())
                .containsExactly(new Tag("Team", "a"), new Tag("env", "prod"), new Tag("team", "b"));
        policies.untagPolicy(ROOT, arn, List.of("ENV", "env", "Team", "absent"));
        assertThat(policies.getPolicy(ACCOUNT, arn).policy().tags()).containsExactly(new Tag("team", "b"));
    }

    @Test
    void tagsWithTheReservedAwsPrefix_areRefused_atCreateAndTag() {
        assertIamError(() -> policies.createPolicy(ACCOUNT, "Reserved", "/", allow("s3:*"), null,
                List.of(new Tag("aws:owner", "x"))), "InvalidInput", null);
        String arn = f.createPolicy("Plain", "/").policy().arn();
        assertIamError(() -> policies.tagPolicy(ROOT, arn, List.of(new Tag("AWS:team", "x"))), "InvalidInput", null);
    }

    @Test
    void theFiftyFirstPolicyTag_isLimitExceeded() {
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Tag("k" + i, "v"));
        }
        String arn = policies.createPolicy(ACCOUNT, "Full", "/", allow("s3:*"), null, fifty).policy().arn();
        assertIamError(() -> policies.tagPolicy(ROOT, arn, List.of(new Tag("one-more", "v"))), "LimitExceeded",
                "Cannot exceed quota for TagsPerPolicy: 50");
    }
}
