package io.sigil.iam.service;

import io.sigil.iam.model.Group;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import java.util.List;

/**
 * One page of GetAccountAuthorizationDetails (IAM API Reference): the users, groups, roles and managed policies
 * on it, each with what the account relates to it.
 *
 * @param nextMarker null on the last page
 */
public record AuthorizationDetails(List<UserDetail> users, List<GroupDetail> groups, List<RoleDetail> roles,
                                   List<PolicyDetail> policies, String nextMarker) {

    public AuthorizationDetails {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        policies = List.copyOf(policies);
    }

    public boolean isTruncated() {
        return nextMarker != null;
    }

    /** UserDetail: inline policies (UserPolicyList), group names (GroupList), AttachedManagedPolicies. */
    public record UserDetail(User user, List<InlinePolicy> inlinePolicies, List<String> groupNames,
                             List<AttachedPolicy> attached) {
        public UserDetail {
            inlinePolicies = List.copyOf(inlinePolicies);
            groupNames = List.copyOf(groupNames);
            attached = List.copyOf(attached);
        }
    }

    /** GroupDetail: GroupPolicyList, AttachedManagedPolicies. */
    public record GroupDetail(Group group, List<InlinePolicy> inlinePolicies, List<AttachedPolicy> attached) {
        public GroupDetail {
            inlinePolicies = List.copyOf(inlinePolicies);
            attached = List.copyOf(attached);
        }
    }

    /** RoleDetail: InstanceProfileList, RolePolicyList, AttachedManagedPolicies. */
    public record RoleDetail(Role role, List<InstanceProfile> instanceProfiles, List<InlinePolicy> inlinePolicies,
                             List<AttachedPolicy> attached) {
        public RoleDetail {
            instanceProfiles = List.copyOf(instanceProfiles);
            inlinePolicies = List.copyOf(inlinePolicies);
            attached = List.copyOf(attached);
        }
    }

    /** ManagedPolicyDetail: the policy with its usage, and PolicyVersionList (every version, documents included). */
    public record PolicyDetail(PolicyInfo info, List<PolicyVersion> versions) {
        public PolicyDetail {
            versions = List.copyOf(versions);
        }
    }
}
