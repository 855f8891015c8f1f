package io.sigil.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The named quotas ({@code sigil serve --quota NAME=VALUE}): one name per quota, AWS's defaults by name. */
class LimitsNamesTest {

    @Test
    void everyQuotaHasOneName_andTheDefaultsByNameAreAws() {
        assertThat(Limits.NAMES).doesNotHaveDuplicates().hasSize(Limits.class.getRecordComponents().length);
        assertThat(Limits.AWS_DEFAULTS.byName()).containsEntry("UsersPerAccount", 5000)
                .containsEntry("GroupsPerAccount", 300).containsEntry("RolesPerAccount", 1000)
                .containsEntry("AccessKeysPerUser", 2).containsEntry("GroupsPerUser", 10)
                .containsEntry("TagsPerResource", 50).containsEntry("UserPolicySize", 2048)
                .containsEntry("GroupPolicySize", 5120).containsEntry("RolePolicySize", 10240)
                .containsEntry("PoliciesPerAccount", 1500).containsEntry("AttachedPoliciesPerEntity", 10)
                .containsEntry("VersionsPerPolicy", 5).containsEntry("PolicySize", 6144)
                .containsEntry("InstanceProfilesPerAccount", 1000);
    }

    @Test
    void with_changesOnlyTheNamedQuota() {
        Limits l = Limits.AWS_DEFAULTS.with("InstanceProfilesPerAccount", 2).with("TagsPerResource", 3);

        assertThat(l.instanceProfilesPerAccount()).isEqualTo(2);
        assertThat(l.tagsPerEntity()).isEqualTo(3);
        assertThat(l.withInstanceProfilesPerAccount(1000).withTagsPerEntity(50)).isEqualTo(Limits.AWS_DEFAULTS);
    }

    @Test
    void with_anUnknownNameOrAValueBelowOne_isRefused() {
        assertThatThrownBy(() -> Limits.AWS_DEFAULTS.with("Users", 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown quota Users; valid quotas: UsersPerAccount, GroupsPerAccount");
        assertThatThrownBy(() -> Limits.AWS_DEFAULTS.with("UsersPerAccount", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("every quota is at least 1");
    }
}
