package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static io.sigil.store.StoreAssertions.race;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyUsage;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.User;
import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The managed-policy part of the {@link Store} contract, run against every dialect by a subclass: policies,
 * versions (spec §10 H78), tags, attachments and the usage counts GetPolicy reports. Each test works in a fresh
 * account.
 */
abstract class ManagedPolicyStoreContract {

    static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\"}]}";
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    protected abstract Store open(Limits limits);

    protected Store store;
    protected String acct;
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Store> opened = new ArrayList<>();

    @BeforeEach
    void openStoreWithAnAccount() {
        store = track(open(Limits.AWS_DEFAULTS));
        acct = Ids.accountId();
        store.write(tx -> tx.accounts().create(Account.create(acct, now)));
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
    }

    private Store track(Store s) {
        opened.add(s);
        return s;
    }

    private ManagedPolicy create(String name, String path, Tag... tags) {
        ManagedPolicy p = ManagedPolicy.create(acct, name, path, Ids.policyId(), "about " + name, now,
                List.of(tags));
        return store.inTransaction(tx -> tx.managedPolicies().create(p, DOC));
    }

    private User createUser(String name) {
        return store.inTransaction(tx -> tx.users().create(User.create(acct, name, "/", Ids.userId(), now, null,
                List.of())));
    }

    private PolicyVersion addVersion(String arn, boolean setAsDefault) {
        return store.inTransaction(tx -> tx.managedPolicies().createVersion(arn, DOC, setAsDefault, now));
    }

    private ManagedPolicy findPolicy(String arn) {
        return store.read(tx -> tx.managedPolicies().find(arn).orElseThrow());
    }

    private List<String> versionIds(String arn) {
        return store.read(tx -> tx.managedPolicies().versions(arn)).stream().map(PolicyVersion::versionId).toList();
    }

    @Test
    void createdPolicy_hasV1AsDefault_andIsFoundByArnWithTheNameInAnyCase() {
        ManagedPolicy p = create("S3Admin", "/team/", new Tag("owner", "ops"));
        assertThat(p.arn()).isEqualTo("arn:aws:iam::" + acct + ":policy/team/S3Admin");
        assertThat(p.id()).startsWith("ANPA");
        assertThat(p.defaultVersionId()).isEqualTo("v1");
        assertThat(p.tags()).containsExactly(new Tag("owner", "ops"));
        ManagedPolicy found = findPolicy("arn:aws:iam::" + acct + ":policy/team/s3admin");
        assertThat(found.id()).isEqualTo(p.id());
        PolicyVersion v1 = store.<java.util.Optional<PolicyVersion>>read(
                tx -> tx.managedPolicies().defaultVersion(p.arn())).orElseThrow();
        assertThat(v1.document()).isEqualTo(DOC);
    }

    @Test
    void listedPolicies_comeWithoutTheirTags_whileFindHasThem() {
        String arn = create("Listed", "/", new Tag("owner", "ops")).arn();
        List<ManagedPolicy> listed = store.read(tx -> tx.managedPolicies().list(acct));
        assertThat(listed).extracting(ManagedPolicy::arn).containsExactly(arn);
        assertThat(listed.get(0).tags()).isEmpty();
        assertThat(findPolicy(arn).tags()).containsExactly(new Tag("owner", "ops"));
    }

    @Test
    void policyNames_areUniquePerAccountCaseInsensitively_whateverThePath() {
        create("Shared", "/");
        assertIamError(() -> create("SHARED", "/other/"), "EntityAlreadyExists",
                "A policy called SHARED already exists. Duplicate names are not allowed.");
    }

    @Test
    void policiesPerAccountQuota_refusesTheCreateBeyondIt() {
        store = track(open(Limits.AWS_DEFAULTS.withManagedPolicyQuotas(2, 10, 5, 6144)));
        create("p1", "/");
        create("p2", "/");
        assertIamError(() -> create("p3", "/"), "LimitExceeded", "Cannot exceed quota for PoliciesPerAccount: 2");
    }

    /** Spec §10 H78. */
    @Test
    void versionIds_areNeverReused_andAPolicyKeepsAtMostFive() {
        String arn = create("Versioned", "/").arn();
        for (int i = 2; i <= 5; i++) {
            assertThat(addVersion(arn, false).versionId()).isEqualTo("v" + i);
        }
        assertIamError(() -> addVersion(arn, false), "LimitExceeded", "A managed policy can have up to 5 versions. "
                + "Before you create a new version, you must delete an existing version.");
        assertIamError(() -> store.write(tx -> tx.managedPolicies().deleteVersion(arn, "v1")), "DeleteConflict",
                "Cannot delete the default version of a policy.");
        store.write(tx -> tx.managedPolicies().setDefaultVersion(arn, "v3"));
        store.write(tx -> tx.managedPolicies().deleteVersion(arn, "v2"));
        store.write(tx -> tx.managedPolicies().deleteVersion(arn, "v4"));
        assertThat(addVersion(arn, false).versionId()).isEqualTo("v6");
        assertThat(addVersion(arn, true).versionId()).isEqualTo("v7");
        assertThat(versionIds(arn)).containsExactly("v1", "v3", "v5", "v6", "v7");
        assertThat(findPolicy(arn).defaultVersionId()).isEqualTo("v7");
    }

    @Test
    void unknownVersionOrPolicy_isNoSuchEntity() {
        String arn = create("Lonely", "/").arn();
        assertIamError(() -> store.write(tx -> tx.managedPolicies().setDefaultVersion(arn, "v9")),
                "NoSuchEntity", "Policy " + arn + " version v9 does not exist or is not attachable.");
        String missing = "arn:aws:iam::" + acct + ":policy/Missing";
        assertIamError(() -> store.read(tx -> tx.managedPolicies().versions(missing)), "NoSuchEntity",
                "Policy " + missing + " was not found.");
    }

    @Test
    void deletePolicy_withVersionsAttachmentsOrBoundaryUses_isDeleteConflict_untilEachIsRemoved() {
        String arn = create("InUse", "/").arn();
        createUser("ann");
        addVersion(arn, false);
        assertIamError(() -> store.write(tx -> tx.managedPolicies().delete(arn)), "DeleteConflict",
                "This policy has more than one version. Before you delete a policy, you must delete the policy's "
                        + "versions. The default version is deleted with the policy.");
        store.write(tx -> tx.managedPolicies().deleteVersion(arn, "v2"));
        store.write(tx -> tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "ann", arn));
        assertIamError(() -> store.write(tx -> tx.managedPolicies().delete(arn)), "DeleteConflict",
                "Cannot delete a policy attached to entities.");
        store.write(tx -> tx.managedPolicies().detach(acct, PolicyOwnerKind.USER, "ann", arn));
        store.write(tx -> tx.users().update(tx.users().get(acct, "ann").withPermissionsBoundary(arn)));
        assertIamError(() -> store.write(tx -> tx.managedPolicies().delete(arn)), "DeleteConflict",
                "Cannot delete a policy attached to entities.");
        store.write(tx -> tx.users().update(tx.users().get(acct, "ann").withPermissionsBoundary(null)));
        store.write(tx -> tx.managedPolicies().delete(arn));
        assertThat(store.<Boolean>read(tx -> tx.managedPolicies().find(arn).isPresent())).isFalse();
    }

    @Test
    void attachments_countPerPolicy_listPerEntity_andAttachingTwiceIsHarmless() {
        String arn = create("Counted", "/").arn();
        User ann = createUser("ann");
        store.write(tx -> {
            tx.groups().create(Group.create(acct, "devs", "/", Ids.groupId(), now));
            tx.roles().create(Role.create(acct, "ops", "/", Ids.roleId(), now, "{}", null, List.of()));
            tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "ann", arn);
            tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "ANN", arn);
            tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "ann", READ_ONLY);
            tx.managedPolicies().attach(acct, PolicyOwnerKind.GROUP, "devs", arn);
            tx.managedPolicies().attach(acct, PolicyOwnerKind.ROLE, "ops", arn);
            tx.roles().update(tx.roles().get(acct, "ops").withPermissionsBoundary(arn));
        });
        List<String> attached = store.read(tx -> tx.managedPolicies().attached(acct, PolicyOwnerKind.USER, "ann"));
        assertThat(attached).containsExactlyInAnyOrder(arn, READ_ONLY);
        PolicyUsage usage = store.read(tx -> tx.managedPolicies().usage(acct, arn));
        assertThat(usage).isEqualTo(new PolicyUsage(3, 1));
        java.util.Map<String, PolicyUsage> usages = store.read(tx -> tx.managedPolicies().usages(acct));
        assertThat(usages).containsEntry(arn, new PolicyUsage(3, 1)).containsEntry(READ_ONLY, new PolicyUsage(1, 0));
        List<PolicyEntity> entities = store.read(tx -> tx.managedPolicies().entitiesFor(acct, arn));
        assertThat(entities).extracting(PolicyEntity::kind,
                PolicyEntity::name).containsExactly(org.assertj.core.groups.Tuple.tuple(PolicyOwnerKind.USER, "ann"),
                org.assertj.core.groups.Tuple.tuple(PolicyOwnerKind.GROUP, "devs"),
                org.assertj.core.groups.Tuple.tuple(PolicyOwnerKind.ROLE, "ops"));
        boolean first = store.inTransaction(tx -> tx.managedPolicies().detach(acct, PolicyOwnerKind.USER, "ann",
                READ_ONLY));
        boolean second = store.inTransaction(tx -> tx.managedPolicies().detach(acct, PolicyOwnerKind.USER, "ann",
                READ_ONLY));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(ann.id()).isNotNull();
    }

    @Test
    void theEleventhAttachment_isLimitExceeded_namingTheEntityKindsQuota() {
        createUser("full");
        store.write(tx -> {
            for (int i = 0; i < 10; i++) {
                tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "full", "arn:aws:iam::aws:policy/P" + i);
            }
        });
        assertIamError(() -> store.write(tx -> tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "full",
                READ_ONLY)), "LimitExceeded", "Cannot exceed quota for PoliciesPerUser: 10");
    }

    @Test
    void attachingToAMissingEntity_isNoSuchEntityForTheEntity() {
        assertIamError(() -> store.write(tx -> tx.managedPolicies().attach(acct, PolicyOwnerKind.GROUP, "nobody",
                READ_ONLY)), "NoSuchEntity", "The group with name nobody cannot be found.");
    }

    @Test
    void deletingAUserGroupOrRoleWithAttachedPolicies_isDeleteConflict() {
        createUser("ann");
        store.write(tx -> {
            tx.groups().create(Group.create(acct, "devs", "/", Ids.groupId(), now));
            tx.roles().create(Role.create(acct, "ops", "/", Ids.roleId(), now, "{}", null, List.of()));
            for (PolicyOwnerKind kind : PolicyOwnerKind.values()) {
                tx.managedPolicies().attach(acct, kind, kind == PolicyOwnerKind.USER ? "ann"
                        : kind == PolicyOwnerKind.GROUP ? "devs" : "ops", READ_ONLY);
            }
        });
        String message = "Cannot delete entity, must detach all policies first.";
        assertIamError(() -> store.write(tx -> tx.users().delete(acct, "ann")), "DeleteConflict", message);
        assertIamError(() -> store.write(tx -> tx.groups().delete(acct, "devs")), "DeleteConflict", message);
        assertIamError(() -> store.write(tx -> tx.roles().delete(acct, "ops")), "DeleteConflict", message);
    }

    /**
     * "If you have tagged a customer managed policy with the Costcenter = 1234 tag and you add the costcenter = 5678
     * tag, the policy will have both" (IAM User Guide, "Tagging IAM resources": keys are case sensitive for every
     * resource but users and roles).
     */
    @Test
    void policyTags_matchKeysCaseSensitively_andGoWithThePolicy() {
        String arn = create("Tagged", "/", new Tag("Costcenter", "1234")).arn();
        store.write(tx -> tx.tags().tag(acct, TaggableKind.POLICY, arn, List.of(new Tag("costcenter", "5678"),
                new Tag("team", "a"))));
        List<Tag> tags = store.read(tx -> tx.tags().list(acct, TaggableKind.POLICY, arn,
                io.sigil.iam.store.PageRequest.first()).items());
        assertThat(tags).containsExactlyInAnyOrder(new Tag("Costcenter", "1234"), new Tag("costcenter", "5678"),
                new Tag("team", "a"));
        store.write(tx -> tx.tags().tag(acct, TaggableKind.POLICY, arn, List.of(new Tag("Costcenter", "9"))));
        store.write(tx -> tx.tags().untag(acct, TaggableKind.POLICY, arn, List.of("TEAM", "costcenter")));
        assertThat(findPolicy(arn).tags()).containsExactlyInAnyOrder(new Tag("Costcenter", "9"), new Tag("team", "a"));
        store.write(tx -> tx.tags().untag(acct, TaggableKind.POLICY, arn, List.of("team")));
        assertThat(findPolicy(arn).tags()).containsExactly(new Tag("Costcenter", "9"));
        assertIamError(() -> store.write(tx -> tx.tags().tag(acct, TaggableKind.POLICY, arn,
                List.of(new Tag("a", "1"), new Tag("a", "2")))), "InvalidInput", "Duplicate tag keys found.");
        store.write(tx -> tx.tags().tag(acct, TaggableKind.POLICY, arn, List.of(new Tag("b", "1"),
                new Tag("B", "2"))));
        assertThat(findPolicy(arn).tags()).hasSize(3);
        store.write(tx -> tx.managedPolicies().delete(arn));
    }

    @Test
    void versionAndAttachmentChanges_areReportedAsPolicyAndEntityEvents() {
        String arn = create("Watched", "/").arn();
        User ann = createUser("ann");
        List<ChangeEvent> heard = new CopyOnWriteArrayList<>();
        try (Subscription unused = store.subscribe(heard::add)) {
            addVersion(arn, true);
            store.write(tx -> tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "ann", arn));
            long deadline = System.currentTimeMillis() + 5000;
            while (heard.stream().noneMatch(e -> e.kind() == EntityKind.USER) && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
        }
        String policyId = findPolicy(arn).id();
        assertThat(heard).contains(new ChangeEvent(EntityKind.POLICY, acct, policyId),
                new ChangeEvent(EntityKind.USER, acct, ann.id()));
    }

    @Test
    void eightThreadsAttachingToOneUser_neverExceedTheQuota() throws Exception {
        store = track(open(Limits.AWS_DEFAULTS.withManagedPolicyQuotas(1500, 3, 5, 6144)));
        createUser("raced");
        List<Object> outcomes = race(8, i -> {
            store.write(tx -> tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "raced",
                    "arn:aws:iam::aws:policy/P" + i));
            return "ok";
        });
        assertThat(outcomes.stream().filter("ok"::equals).count()).isEqualTo(3);
        assertThat(outcomes.stream().filter(o -> o instanceof IamException e && e.code().equals("LimitExceeded")))
                .hasSize(5);
    }
}
