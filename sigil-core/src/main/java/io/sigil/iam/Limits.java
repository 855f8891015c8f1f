package io.sigil.iam;

/**
 * IAM quotas that the store enforces atomically with the write that would exceed them (spec §6; IAM User Guide,
 * "IAM and AWS STS quotas"). Adjustable quotas default to AWS's defaults; fixed ones cannot be raised in AWS but are
 * configurable here for tests.
 *
 * @param usersPerAccount adjustable, default 5,000
 * @param groupsPerAccount adjustable, default 300
 * @param rolesPerAccount adjustable, default 1,000
 * @param accessKeysPerUser fixed, 2 (also for the root user)
 * @param groupsPerUser fixed, 10 ("Groups an IAM user can be a member of")
 * @param tagsPerEntity fixed, 50 ("Tags per IAM resource")
 * @param userPolicySize fixed, 2,048: the aggregate size of a user's inline policies ("User policy size cannot
 *     exceed 2,048 characters"; GetAccountSummary's {@code UserPolicySizeQuota}); whitespace is not counted
 * @param groupPolicySize fixed, 5,120: the same for a group ({@code GroupPolicySizeQuota})
 * @param rolePolicySize fixed, 10,240: the same for a role ({@code RolePolicySizeQuota})
 */
public record Limits(
        int usersPerAccount,
        int groupsPerAccount,
        int rolesPerAccount,
        int accessKeysPerUser,
        int groupsPerUser,
        int tagsPerEntity,
        int userPolicySize,
        int groupPolicySize,
        int rolePolicySize) {

    public static final int USER_POLICY_SIZE = 2048;
    public static final int GROUP_POLICY_SIZE = 5120;
    public static final int ROLE_POLICY_SIZE = 10240;

    public static final Limits AWS_DEFAULTS = new Limits(5000, 300, 1000, 2, 10, 50);

    public Limits {
        if (usersPerAccount < 1 || groupsPerAccount < 1 || rolesPerAccount < 1 || accessKeysPerUser < 1
                || groupsPerUser < 1 || tagsPerEntity < 1 || userPolicySize < 1 || groupPolicySize < 1
                || rolePolicySize < 1) {
            throw new IllegalArgumentException("every quota is at least 1");
        }
    }

    /** The entity quotas, with AWS's inline policy size quotas. */
    public Limits(int usersPerAccount, int groupsPerAccount, int rolesPerAccount, int accessKeysPerUser,
            int groupsPerUser, int tagsPerEntity) {
        this(usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser, tagsPerEntity,
                USER_POLICY_SIZE, GROUP_POLICY_SIZE, ROLE_POLICY_SIZE);
    }

    public Limits withUsersPerAccount(int n) {
        return new Limits(n, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser, tagsPerEntity,
                userPolicySize, groupPolicySize, rolePolicySize);
    }

    /** The same quotas with other aggregate inline policy sizes (user, group, role). */
    public Limits withPolicySizes(int user, int group, int role) {
        return new Limits(usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser,
                tagsPerEntity, user, group, role);
    }
}
