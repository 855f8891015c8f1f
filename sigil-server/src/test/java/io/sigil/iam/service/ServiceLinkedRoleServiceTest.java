package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.CLOCK;
import static io.sigil.iam.service.ServiceFixture.OTHER_ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.DeletionTask;
import io.sigil.iam.model.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service-linked roles on SQLite (IAM User Guide, "Using service-linked roles"; spec §10 H87). */
class ServiceLinkedRoleServiceTest {

    @TempDir
    Path dir;
    private ServiceFixture f;
    private ServiceLinkedRoleService slrs;
    private RoleService roles;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, Limits.AWS_DEFAULTS);
        slrs = new ServiceLinkedRoleService(f.store, CLOCK);
        roles = new RoleService(f.store, CLOCK);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void catalogue_namesRolesAsAwsDoes_andFallsBackToTheFirstLabelInPascalCase() {
        assertThat(ServiceLinkedRoles.lookup("lex.amazonaws.com").orElseThrow().roleName())
                .isEqualTo("AWSServiceRoleForLexBots");
        assertThat(ServiceLinkedRoles.lookup("autoscaling.amazonaws.com").orElseThrow().policyArn())
                .isEqualTo("arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy");
        assertThat(ServiceLinkedRoles.lookup("brand-new.amazonaws.com").orElseThrow().roleName())
                .isEqualTo("AWSServiceRoleForBrandNew");
        assertThat(ServiceLinkedRoles.lookup("Lex.amazonaws.com").orElseThrow().roleName())
                .as("service principals are case-sensitive").isEqualTo("AWSServiceRoleForLex");
        assertThat(ServiceLinkedRoles.lookup("example.com")).isEmpty();
    }

    @Test
    void create_marksTheRoleAsLinked_withTheServicesPathAndTrustPolicy() {
        Role r = slrs.create(ACCOUNT, "elasticloadbalancing.amazonaws.com", "ELB", null);
        assertThat(r.isServiceLinked()).isTrue();
        assertThat(r.linkedService()).isEqualTo("elasticloadbalancing.amazonaws.com");
        assertThat(r.name()).isEqualTo("AWSServiceRoleForElasticLoadBalancing");
        assertThat(r.path()).isEqualTo("/aws-service-role/elasticloadbalancing.amazonaws.com/");
        assertThat(r.assumeRolePolicyDocument())
                .isEqualTo(ServiceLinkedRoleService.trustPolicy("elasticloadbalancing.amazonaws.com"));
        assertThat(io.sigil.policy.PolicyValidator.validate(r.assumeRolePolicyDocument(),
                io.sigil.policy.PolicyType.TRUST).hasErrors()).isFalse();
    }

    @Test
    void customSuffix_isAppendedWhereAllowed_andRefusedElsewhere() {
        assertThat(slrs.create(ACCOUNT, "lexv2.amazonaws.com", null, "bot1").name())
                .isEqualTo("AWSServiceRoleForLexV2Bots_bot1");
        assertIamError(() -> slrs.create(ACCOUNT, "rds.amazonaws.com", null, "x"), "InvalidInput",
                "Custom suffix is not allowed for rds.amazonaws.com");
        assertIamError(() -> slrs.create(ACCOUNT, "lexv2.amazonaws.com", null, "BOT1"), "InvalidInput",
                "Service role name AWSServiceRoleForLexV2Bots_BOT1 has been taken in this account, please try a "
                        + "different suffix.");
    }

    @Test
    void customerRoleWithTheSameName_alsoTakesTheServiceRoleName() {
        roles.createRole(ACCOUNT, "AWSServiceRoleForRDS", null, RoleServiceTest.TRUST, null, null, null,
                java.util.List.of());
        assertIamError(() -> slrs.create(ACCOUNT, "rds.amazonaws.com", null, null), "InvalidInput", null);
    }

    @Test
    void deletion_reportsInProgressThenSucceeded_andFreesTheName() {
        slrs.create(ACCOUNT, "batch.amazonaws.com", null, null);
        String task = slrs.delete(ACCOUNT, "awsservicerolefor" + "batch");
        assertThat(slrs.status(ACCOUNT, task).status()).isEqualTo(DeletionTask.IN_PROGRESS);
        assertThat(slrs.status(ACCOUNT, task).status()).isEqualTo(DeletionTask.SUCCEEDED);
        assertThat(slrs.status(ACCOUNT, task).status()).isEqualTo(DeletionTask.SUCCEEDED);
        assertThat(slrs.status(ACCOUNT, task).roleArn())
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/batch.amazonaws.com/AWSServiceRoleForBatch");
        assertThat(slrs.create(ACCOUNT, "batch.amazonaws.com", null, null).name()).isEqualTo("AWSServiceRoleForBatch");
    }

    @Test
    void anotherAccountsTask_isNoSuchEntity() {
        slrs.create(ACCOUNT, "batch.amazonaws.com", null, null);
        String task = slrs.delete(ACCOUNT, "AWSServiceRoleForBatch");
        assertIamError(() -> slrs.status(OTHER_ACCOUNT, task), "NoSuchEntity", null);
        assertIamError(() -> slrs.status(ACCOUNT, "task/other"), "InvalidInput", null);
    }

    @Test
    void protections_allowDescriptionAndTags_butNotTrustDurationOrDelete() {
        slrs.create(ACCOUNT, "config.amazonaws.com", null, null);
        String name = "AWSServiceRoleForConfig";
        roles.updateRoleDescription(ACCOUNT, name, "d");
        roles.tagRole(ACCOUNT, name, java.util.List.of(new io.sigil.iam.model.Tag("k", "v")));
        roles.updateRole(ACCOUNT, name, "d2", null);
        assertIamError(() -> roles.updateRole(ACCOUNT, name, null, 7200), "UnmodifiableEntity", null);
        assertIamError(() -> roles.updateAssumeRolePolicy(ACCOUNT, name, RoleServiceTest.TRUST),
                "UnmodifiableEntity", null);
        assertIamError(() -> roles.deleteRole(ACCOUNT, name), "UnmodifiableEntity", null);
        assertThat(roles.getRole(ACCOUNT, name).description()).isEqualTo("d2");
    }
}
