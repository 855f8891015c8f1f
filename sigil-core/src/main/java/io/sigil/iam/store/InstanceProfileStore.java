package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.InstanceProfile;
import java.util.Optional;

/**
 * Instance profiles and the role each holds (IAM User Guide, "Use instance profiles"). Names match
 * case-insensitively. A profile holds at most one role; a role may be in many profiles.
 */
public interface InstanceProfileStore {

    /**
     * Inserts {@code profile} with its tags.
     *
     * @throws IamException EntityAlreadyExists "Instance Profile X already exists."; LimitExceeded past
     *     {@code InstanceProfilesPerAccount} or {@code TagsPerInstanceProfile}
     */
    InstanceProfile create(InstanceProfile profile);

    /**
     * The profile with its tags and its role. The role comes without its tags (an empty list): every answer that
     * includes a profile shows its role without them, as the API Reference's GetInstanceProfile example does.
     */
    Optional<InstanceProfile> find(String accountId, String name);

    default InstanceProfile get(String accountId, String name) {
        return find(accountId, name).orElseThrow(() -> noSuchInstanceProfile(name));
    }

    /** Reads the profile and locks its row until the transaction ends. */
    InstanceProfile lock(String accountId, String name);

    /** ListInstanceProfiles: ordered by name (case-insensitive); only paths starting with the prefix. */
    Page<InstanceProfile> list(String accountId, PageRequest page);

    /** ListInstanceProfilesForRole: the profiles that hold the role. @throws IamException NoSuchEntity */
    Page<InstanceProfile> listForRole(String accountId, String roleName, PageRequest page);

    /**
     * AddRoleToInstanceProfile.
     *
     * @throws IamException NoSuchEntity for an unknown profile or role; LimitExceeded "Cannot exceed quota for
     *     InstanceSessionsPerInstanceProfile: 1" when the profile already holds a role (this one included)
     */
    void addRole(String accountId, String profileName, String roleName);

    /** RemoveRoleFromInstanceProfile. @throws IamException NoSuchEntity if the profile does not hold the role */
    void removeRole(String accountId, String profileName, String roleName);

    /** DeleteInstanceProfile. @throws IamException NoSuchEntity; DeleteConflict while it holds a role */
    void delete(String accountId, String name);

    /** AWS's words for an unknown profile (GetInstanceProfile). */
    static IamException noSuchInstanceProfile(String name) {
        return IamException.noSuchEntity("Instance Profile " + name + " cannot be found.");
    }
}
