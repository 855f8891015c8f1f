package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.EC2_TRUST;
import static io.sigil.server.api.iam.RoleFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** The role operations through the AWS SDK for Java v2 against a live Sigil (IAM API Reference, each action). */
class RolesIntegrationTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void createRole_returnsWhatAwsReturns_andGetRoleEveryField_withTheTrustPolicyUrlEncoded() {
        Role created = SIGIL.root().createRole(r -> r.roleName("Web").path("/app/").assumeRolePolicyDocument(EC2_TRUST)
                .description("web tier").maxSessionDuration(7200)
                .permissionsBoundary("arn:aws:iam::aws:policy/PowerUserAccess")
                .tags(Tag.builder().key("team").value("web").build())).role();
        assertThat(created.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + SigilTestServer.ACCOUNT_ID + ":role/app/Web");
        // AWS's CreateRole answer leaves Description and MaxSessionDuration out even when they were set (LocalStack's
        // AWS-validated snapshots, test_iam_roles); GetRole has them.
        assertThat(created.maxSessionDuration()).isNull();
        assertThat(created.description()).isNull();
        assertThat(created.permissionsBoundary().permissionsBoundaryArn()).endsWith(":policy/PowerUserAccess");
        assertThat(created.tags()).extracting(Tag::key).containsExactly("team");

        Role got = SIGIL.root().getRole(r -> r.roleName("web")).role();
        assertThat(got.roleName()).isEqualTo("Web");
        assertThat(got.assumeRolePolicyDocument()).startsWith("%7B%22Version%22%3A%222012-10-17%22");
        assertThat(decode(got.assumeRolePolicyDocument())).isEqualTo(EC2_TRUST);
        assertThat(got.description()).isEqualTo("web tier");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.createDate()).isEqualTo(created.createDate());
        assertThat(got.roleLastUsed()).isNotNull();
        assertThat(got.roleLastUsed().lastUsedDate()).isNull();
    }

    @Test
    void createRole_withoutOptionalMembers_defaultsPathToSlashAndSessionToOneHour() {
        Role r = SIGIL.root().createRole(b -> b.roleName("Defaults").assumeRolePolicyDocument(EC2_TRUST)).role();
        assertThat(r.path()).isEqualTo("/");
        assertThat(SIGIL.root().getRole(b -> b.roleName("Defaults")).role().maxSessionDuration()).isEqualTo(3600);
        assertThat(r.description()).isNull();
        assertThat(r.permissionsBoundary()).isNull();
    }

    @Test
    void roleNames_areUniqueCaseInsensitively_H74() {
        SIGIL.root().createRole(r -> r.roleName("PRODROLE").assumeRolePolicyDocument(EC2_TRUST));
        assertThatThrownBy(() -> SIGIL.root().createRole(r -> r.roleName("prodrole")
                .assumeRolePolicyDocument(EC2_TRUST)))
                .isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessageContaining("Role with name prodrole already exists.");
    }

    @Test
    void trustPolicyWithoutPrincipal_isMalformedPolicyDocument() {
        String noPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\"}]}";
        assertThatThrownBy(() -> SIGIL.root().createRole(r -> r.roleName("NoPrincipal")
                .assumeRolePolicyDocument(noPrincipal)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> SIGIL.root().createRole(r -> r.roleName("NotJson").assumeRolePolicyDocument("{")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void trustPolicyOf2048NonWhitespaceCharacters_isAccepted_and2049_isLimitExceeded() {
        SIGIL.root().createRole(r -> r.roleName("Trust2048").assumeRolePolicyDocument(RoleFixtures.trustOfSize(2048)));
        String padded = RoleFixtures.trustOfSize(2048).replace(",", ",\n    ");
        SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Trust2048").policyDocument(padded));
        assertThatThrownBy(() -> SIGIL.root().createRole(r -> r.roleName("Trust2049")
                .assumeRolePolicyDocument(RoleFixtures.trustOfSize(2049))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Cannot exceed quota for ACLSizePerRole: 2048");
        assertThatThrownBy(() -> SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Trust2048")
                .policyDocument(RoleFixtures.trustOfSize(2049))))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void maxSessionDurationOutside3600To43200_isValidationError() {
        assertThatThrownBy(() -> SIGIL.root().createRole(r -> r.roleName("Short").assumeRolePolicyDocument(EC2_TRUST)
                .maxSessionDuration(3599)))
                .isInstanceOf(IamException.class)
                .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        SIGIL.root().createRole(r -> r.roleName("Longest").assumeRolePolicyDocument(EC2_TRUST)
                .maxSessionDuration(43200));
        assertThatThrownBy(() -> SIGIL.root().updateRole(r -> r.roleName("Longest").maxSessionDuration(43201)))
                .isInstanceOf(IamException.class);
    }

    @Test
    void unknownRole_isNoSuchEntityWithAwsMessage_forEveryRoleOperation() {
        String message = "The role with name Ghost cannot be found.";
        assertThatThrownBy(() -> SIGIL.root().getRole(r -> r.roleName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> SIGIL.root().deleteRole(r -> r.roleName("Ghost"))).hasMessageContaining(message);
        assertThatThrownBy(() -> SIGIL.root().updateRole(r -> r.roleName("Ghost").description("x")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Ghost")
                .policyDocument(EC2_TRUST)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().tagRole(r -> r.roleName("Ghost").tags(Tag.builder().key("k").value("v")
                .build())))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> SIGIL.root().listRoleTags(r -> r.roleName("Ghost")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void updateRole_changesDescriptionAndDuration_leavingOmittedMembersAsTheyAre() {
        SIGIL.root().createRole(r -> r.roleName("Upd").assumeRolePolicyDocument(EC2_TRUST).description("one"));
        SIGIL.root().updateRole(r -> r.roleName("Upd").maxSessionDuration(10800));
        Role r1 = SIGIL.root().getRole(r -> r.roleName("Upd")).role();
        assertThat(r1.description()).isEqualTo("one");
        assertThat(r1.maxSessionDuration()).isEqualTo(10800);
        SIGIL.root().updateRole(r -> r.roleName("Upd").description("two"));
        assertThat(SIGIL.root().getRole(r -> r.roleName("Upd")).role().maxSessionDuration()).isEqualTo(10800);
        Role viaDescription = SIGIL.root().updateRoleDescription(r -> r.roleName("upd").description("three")).role();
        assertThat(viaDescription.description()).isEqualTo("three");
        assertThat(viaDescription.roleName()).isEqualTo("Upd");
        // AWS's UpdateRoleDescription answer has no MaxSessionDuration (LocalStack's AWS-validated snapshot
        // test_iam_roles::test_update_role)
        assertThat(viaDescription.maxSessionDuration()).isNull();
    }

    @Test
    void updateAssumeRolePolicy_replacesTheTrustPolicy_andValidatesIt() {
        SIGIL.root().createRole(r -> r.roleName("Trusting").assumeRolePolicyDocument(EC2_TRUST));
        String lambda = EC2_TRUST.replace("ec2.amazonaws.com", "lambda.amazonaws.com");
        SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Trusting").policyDocument(lambda));
        assertThat(decode(SIGIL.root().getRole(r -> r.roleName("Trusting")).role().assumeRolePolicyDocument()))
                .isEqualTo(lambda);
        assertThatThrownBy(() -> SIGIL.root().updateAssumeRolePolicy(r -> r.roleName("Trusting").policyDocument(
                RoleFixtures.S3_READ))).isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void listRoles_pagesWithSmallMaxItems_filtersByPathPrefix_andOmitsTagsAndBoundary() {
        for (String n : List.of("LsC", "LsA", "LsB")) {
            SIGIL.root().createRole(r -> r.roleName(n).path("/listing/").assumeRolePolicyDocument(EC2_TRUST)
                    .tags(Tag.builder().key("k").value("v").build()));
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListRolesResponse page = SIGIL.root().listRoles(r -> r.pathPrefix("/listing/").maxItems(2).marker(m));
            page.roles().forEach(role -> {
                assertThat(role.tags()).isEmpty();
                assertThat(role.permissionsBoundary()).isNull();
                assertThat(decode(role.assumeRolePolicyDocument())).isEqualTo(EC2_TRUST);
            });
            page.roles().forEach(role -> names.add(role.roleName()));
            marker = page.isTruncated() ? page.marker() : null;
            pages++;
        } while (marker != null);
        assertThat(names).containsExactly("LsA", "LsB", "LsC");
        assertThat(pages).isEqualTo(2);
        assertThat(SIGIL.root().listRoles(r -> r.pathPrefix("/nothing-here/")).roles()).isEmpty();
    }

    @Test
    void roleTags_areAddedReplacedCaseInsensitivelyRemovedAndPaged() {
        SIGIL.root().createRole(r -> r.roleName("Tagged").assumeRolePolicyDocument(EC2_TRUST)
                .tags(Tag.builder().key("Dept").value("eng").build()));
        SIGIL.root().tagRole(r -> r.roleName("Tagged").tags(Tag.builder().key("dept").value("ops").build(),
                Tag.builder().key("Cost").value("1").build(), Tag.builder().key("z").value("").build()));
        var first = SIGIL.root().listRoleTags(r -> r.roleName("Tagged").maxItems(2));
        assertThat(first.tags()).extracting(Tag::key).containsExactly("Cost", "dept");
        assertThat(first.tags().get(1).value()).isEqualTo("ops");
        assertThat(first.isTruncated()).isTrue();
        var rest = SIGIL.root().listRoleTags(r -> r.roleName("Tagged").marker(first.marker()));
        assertThat(rest.tags()).extracting(Tag::key).containsExactly("z");
        SIGIL.root().untagRole(r -> r.roleName("Tagged").tagKeys("DEPT", "absent"));
        assertThat(SIGIL.root().getRole(r -> r.roleName("Tagged")).role().tags()).extracting(Tag::key)
                .containsExactly("Cost", "z");
    }

    @Test
    void fiftyOneTagsOnARole_isLimitExceeded() {
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        SIGIL.root().createRole(r -> r.roleName("FiftyTags").assumeRolePolicyDocument(EC2_TRUST).tags(fifty));
        assertThatThrownBy(() -> SIGIL.root().tagRole(r -> r.roleName("FiftyTags")
                .tags(Tag.builder().key("one-more").value("v").build())))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Cannot exceed quota for TagsPerRole: 50");
    }
}
