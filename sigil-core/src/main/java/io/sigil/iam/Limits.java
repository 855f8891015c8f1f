package io.sigil.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM quotas that the store enforces atomically with the write that would exceed them (spec §6; IAM User Guide,
 * "IAM and AWS STS quotas"). Adjustable quotas default to AWS's defaults; fixed ones cannot be raised in AWS but are
 * configurable here for tests.
 *
 * @param usersPerAccount adjustable, default 5,000
 * @param groupsPerAccount adjustable, default 300
 * @param rolesPerAccount adjustable, default 1,000 (service-linked roles may exceed it: "Only service-linked roles
 *     can exceed the limit", spec §1.5)
 * @param accessKeysPerUser fixed, 2 (also for the root user)
 * @param groupsPerUser fixed, 10 ("Groups an IAM user can be a member of")
 * @param tagsPerEntity fixed, 50 ("Tags per IAM resource")
 * @param userPolicySize fixed, 2,048: the aggregate size of a user's inline policies ("User policy size cannot
 *     exceed 2,048 characters"; GetAccountSummary's {@code UserPolicySizeQuota}); whitespace is not counted
 * @param groupPolicySize fixed, 5,120: the same for a group ({@code GroupPolicySizeQuota})
 * @param rolePolicySize fixed, 10,240: the same for a role ({@code RolePolicySizeQuota})
 * @param policiesPerAccount adjustable, default 1,500 ("Customer managed policies in an AWS account")
 * @param attachedPoliciesPerEntity adjustable, default 10 ("Managed policies attached to an IAM role" / "… user"
 *     / "… group"; LimitExceeded "Cannot exceed quota for PoliciesPerUser: 10")
 * @param versionsPerPolicy fixed, 5 ("Versions of a managed policy that can be stored")
 * @param managedPolicySize fixed, 6,144 characters, whitespace not counted ("Managed policy size"; LimitExceeded
 *     "Cannot exceed quota for PolicySize: 6144")
 * @param instanceProfilesPerAccount adjustable, default 1,000 ("Instance profiles in an AWS account")
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
        int rolePolicySize,
        int policiesPerAccount,
        int attachedPoliciesPerEntity,
        int versionsPerPolicy,
        int managedPolicySize,
        int instanceProfilesPerAccount) {

    public static final int USER_POLICY_SIZE = 2048;
    public static final int GROUP_POLICY_SIZE = 5120;
    public static final int ROLE_POLICY_SIZE = 10240;
    public static final int POLICIES_PER_ACCOUNT = 1500;
    public static final int ATTACHED_POLICIES_PER_ENTITY = 10;
    public static final int VERSIONS_PER_POLICY = 5;
    public static final int MANAGED_POLICY_SIZE = 6144;
    public static final int INSTANCE_PROFILES_PER_ACCOUNT = 1000;
    /** "Roles in an instance profile: 1", which "cannot be increased" (spec §6, fixed limits). */
    public static final int ROLES_PER_INSTANCE_PROFILE = 1;
    /** "Role trust policy length: 2,048 characters", whitespace not counted (spec §6). */
    public static final int TRUST_POLICY_SIZE = 2048;
    /**
     * "MFA devices in use by an IAM user: 8", a fixed quota (IAM User Guide, "IAM and AWS STS quotas"; "you can
     * register up to eight MFA devices of any combination", "Assign more than one MFA device"). Virtual MFA devices
     * per account follow {@link #usersPerAccount()} ("Virtual MFA devices (assigned or unassigned) in an AWS
     * account: equal to the user quota").
     */
    public static final int MFA_DEVICES_PER_USER = 8;
    /** "SSH public keys per IAM user: 5" (fixed; spec §6). */
    public static final int SSH_PUBLIC_KEYS_PER_USER = 5;
    /** "Signing certificates assigned to an IAM user: 2" (fixed; spec §6). */
    public static final int SIGNING_CERTIFICATES_PER_USER = 2;
    /** "Server certificates stored in an AWS account: 20" (adjustable in AWS; spec §6). */
    public static final int SERVER_CERTIFICATES_PER_ACCOUNT = 20;
    /** "SAML providers in an AWS account: 100" (IAM User Guide, "IAM and AWS STS quotas"; spec §6). */
    public static final int SAML_PROVIDERS_PER_ACCOUNT = 100;
    /** "Keys per SAML provider: 10": signing certificates in one provider's metadata (spec §6). */
    public static final int KEYS_PER_SAML_PROVIDER = 10;
    /** "IdPs associated with an IAM SAML provider object: 10" (spec §6). */
    public static final int IDPS_PER_SAML_PROVIDER = 10;
    /** Private keys that decrypt a SAML provider's assertions: two, so that a key can be rotated. */
    public static final int PRIVATE_KEYS_PER_SAML_PROVIDER = 2;
    /** "You can have a maximum of two sets of service-specific credentials for each supported service per user"
     * (IAM API Reference, CreateServiceSpecificCredential). */
    public static final int SERVICE_SPECIFIC_CREDENTIALS_PER_USER_PER_SERVICE = 2;

    public static final Limits AWS_DEFAULTS = new Limits(5000, 300, 1000, 2, 10, 50);

    public Limits {
        if (usersPerAccount < 1 || groupsPerAccount < 1 || rolesPerAccount < 1 || accessKeysPerUser < 1
                || groupsPerUser < 1 || tagsPerEntity < 1 || userPolicySize < 1 || groupPolicySize < 1
                || rolePolicySize < 1 || policiesPerAccount < 1 || attachedPoliciesPerEntity < 1
                || versionsPerPolicy < 1 || managedPolicySize < 1 || instanceProfilesPerAccount < 1) {
            throw new IllegalArgumentException("every quota is at least 1");
        }
    }

    /**
     * The quotas an operator may set ({@code sigil serve --quota NAME=VALUE}), by the name AWS gives each in its
     * LimitExceeded text ("Cannot exceed quota for UsersPerAccount: 5000"; IAM User Guide, "IAM and AWS STS
     * quotas"). {@code TagsPerResource} is the one "Tags per IAM resource" quota, {@code AttachedPoliciesPerEntity}
     * the "Managed policies attached to an IAM user / group / role" quotas, which share one value here.
     */
    public static final List<String> NAMES = List.of("UsersPerAccount", "GroupsPerAccount", "RolesPerAccount",
            "AccessKeysPerUser", "GroupsPerUser", "TagsPerResource", "UserPolicySize", "GroupPolicySize",
            "RolePolicySize", "PoliciesPerAccount", "AttachedPoliciesPerEntity", "VersionsPerPolicy", "PolicySize",
            "InstanceProfilesPerAccount");

    /** Every named quota and its value, in {@link #NAMES} order. */
    public Map<String, Integer> byName() {
        int[] v = values();
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put(NAMES.get(i), v[i]);
        }
        return m;
    }

    /**
     * The same quotas with one changed.
     *
     * @throws IllegalArgumentException for a name not in {@link #NAMES} or a value below 1
     */
    public Limits with(String name, int value) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown quota " + name + "; valid quotas: " + String.join(", ", NAMES));
        }
        int[] v = values();
        v[i] = value;
        return new Limits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }

    private int[] values() {
        return new int[] {usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser,
            tagsPerEntity, userPolicySize, groupPolicySize, rolePolicySize, policiesPerAccount,
            attachedPoliciesPerEntity, versionsPerPolicy, managedPolicySize, instanceProfilesPerAccount};
    }

    /** The entity quotas, with AWS's policy size, managed-policy and instance profile quotas. */
    public Limits(int usersPerAccount, int groupsPerAccount, int rolesPerAccount, int accessKeysPerUser,
            int groupsPerUser, int tagsPerEntity) {
        this(usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser, tagsPerEntity,
                USER_POLICY_SIZE, GROUP_POLICY_SIZE, ROLE_POLICY_SIZE, POLICIES_PER_ACCOUNT,
                ATTACHED_POLICIES_PER_ENTITY, VERSIONS_PER_POLICY, MANAGED_POLICY_SIZE, INSTANCE_PROFILES_PER_ACCOUNT);
    }

    public Limits withUsersPerAccount(int n) {
        return new Limits(n, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser, tagsPerEntity,
                userPolicySize, groupPolicySize, rolePolicySize, policiesPerAccount, attachedPoliciesPerEntity,
                versionsPerPolicy, managedPolicySize, instanceProfilesPerAccount);
    }

    public Limits withRolesPerAccount(int n) {
        return new Limits(usersPerAccount, groupsPerAccount, n, accessKeysPerUser, groupsPerUser, tagsPerEntity,
                userPolicySize, groupPolicySize, rolePolicySize, policiesPerAccount, attachedPoliciesPerEntity,
                versionsPerPolicy, managedPolicySize, instanceProfilesPerAccount);
    }

    public Limits withTagsPerEntity(int n) {
        return new Limits(usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser, n,
                userPolicySize, groupPolicySize, rolePolicySize, policiesPerAccount, attachedPoliciesPerEntity,
                versionsPerPolicy, managedPolicySize, instanceProfilesPerAccount);
    }

    public Limits withInstanceProfilesPerAccount(int n) {
        return new Limits(usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser,
                tagsPerEntity, userPolicySize, groupPolicySize, rolePolicySize, policiesPerAccount,
                attachedPoliciesPerEntity, versionsPerPolicy, managedPolicySize, n);
    }

    /** The same quotas with other aggregate inline policy sizes (user, group, role). */
    public Limits withPolicySizes(int user, int group, int role) {
        return new Limits(usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser,
                tagsPerEntity, user, group, role, policiesPerAccount, attachedPoliciesPerEntity, versionsPerPolicy,
                managedPolicySize, instanceProfilesPerAccount);
    }

    /** The same quotas with other managed-policy quotas (per account, attached per entity, versions, size). */
    public Limits withManagedPolicyQuotas(int perAccount, int attachedPerEntity, int versions, int size) {
        return new Limits(usersPerAccount, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser,
                tagsPerEntity, userPolicySize, groupPolicySize, rolePolicySize, perAccount, attachedPerEntity,
                versions, size, instanceProfilesPerAccount);
    }
}
