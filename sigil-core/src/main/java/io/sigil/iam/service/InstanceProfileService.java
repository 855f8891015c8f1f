package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The instance profile operations: CreateInstanceProfile, GetInstanceProfile, ListInstanceProfiles,
 * ListInstanceProfilesForRole, DeleteInstanceProfile, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile,
 * TagInstanceProfile, UntagInstanceProfile and ListInstanceProfileTags (IAM API Reference; IAM User Guide, "Use
 * instance profiles"; spec §1.5).
 *
 * <p>Errors, with AWS's words: NoSuchEntity "Instance Profile X cannot be found."; EntityAlreadyExists "Instance
 * Profile X already exists."; LimitExceeded "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1" for a
 * second role ("An instance profile can contain only one role, and this quota cannot be increased"),
 * "... InstanceProfilesPerAccount: 1000"; DeleteConflict "Cannot delete entity, must remove roles from instance
 * profile first.". Roles in profiles come back with their trust policies rendered like GetRole's.
 */
public final class InstanceProfileService {

    /** "If it is not included, it defaults to a slash (/)." (CreateInstanceProfile › Path) */
    public static final String DEFAULT_PATH = "/";

    private final Store store;
    private final Clock clock;

    public InstanceProfileService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** CreateInstanceProfile: an empty profile with a new {@code AIPA…} id. */
    public InstanceProfile create(String accountId, String name, String path, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags == null ? List.of() : tags);
        InstanceProfile profile = InstanceProfile.create(accountId, name, path == null ? DEFAULT_PATH : path,
                Ids.instanceProfileId(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                tags == null ? List.of() : List.copyOf(tags));
        return store.inTransaction(tx -> rendered(tx, tx.instanceProfiles().create(profile)));
    }

    public InstanceProfile get(String accountId, String name) {
        return store.read(tx -> rendered(tx, tx.instanceProfiles().get(accountId, name)));
    }

    public Page<InstanceProfile> list(String accountId, PageRequest page) {
        return store.read(tx -> tx.instanceProfiles().list(accountId, page).map(p -> rendered(tx, p)));
    }

    /** ListInstanceProfilesForRole. @throws io.sigil.iam.error.IamException NoSuchEntity for an unknown role */
    public Page<InstanceProfile> listForRole(String accountId, String roleName, PageRequest page) {
        return store.read(tx -> tx.instanceProfiles().listForRole(accountId, roleName, page)
                .map(p -> rendered(tx, p)));
    }

    public void delete(String accountId, String name) {
        store.write(tx -> tx.instanceProfiles().delete(accountId, name));
    }

    /**
     * AddRoleToInstanceProfile. A service-linked role cannot be put in a profile by a customer
     * (UnmodifiableEntity, one of the operation's documented errors).
     */
    public void addRole(String accountId, String profileName, String roleName) {
        store.write(tx -> {
            tx.instanceProfiles().get(accountId, profileName);
            RoleRules.requireModifiable(tx.roles().get(accountId, roleName));
            tx.instanceProfiles().addRole(accountId, profileName, roleName);
        });
    }

    /**
     * RemoveRoleFromInstanceProfile: NoSuchEntity "Role X in Instance Profile Y cannot be found." if it is not
     * there.
     */
    public void removeRole(String accountId, String profileName, String roleName) {
        store.write(tx -> tx.instanceProfiles().removeRole(accountId, profileName, roleName));
    }

    public void tag(String accountId, String name, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags);
        store.write(tx -> tx.tags().tag(accountId, TaggableKind.INSTANCE_PROFILE, name, List.copyOf(tags)));
    }

    public void untag(String accountId, String name, List<String> keys) {
        store.write(tx -> tx.tags().untag(accountId, TaggableKind.INSTANCE_PROFILE, name, List.copyOf(keys)));
    }

    public Page<Tag> listTags(String accountId, String name, PageRequest page) {
        return store.read(tx -> tx.tags().list(accountId, TaggableKind.INSTANCE_PROFILE, name, page));
    }

    /** The profile with its roles' trust policies as GetRole shows them (spec §10 F62-F63). */
    static InstanceProfile rendered(Tx tx, InstanceProfile p) {
        return p.withRoles(p.roles().stream().map(r -> RoleService.rendered(tx, r)).toList());
    }
}
