package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static io.sigil.store.StoreAssertions.race;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.model.DeletionTask;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.TrustBinding;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store suite for roles, their trust bindings and last use, service-linked roles, deletion tasks and instance
 * profiles: default test methods that every dialect's {@link StoreContract} subclass runs.
 */
interface RoleStoreContract {

    String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    Store store();

    String account();

    Instant now();

    /** Another store on the same database, with other quotas. */
    Store openWith(Limits limits);

    private Role role(String name) {
        return store().inTransaction(tx -> tx.roles().create(Role.create(account(), name, "/", Ids.roleId(), now(),
                TRUST, null, List.of())));
    }

    private InstanceProfile profile(String name, String path, Tag... tags) {
        return store().inTransaction(tx -> tx.instanceProfiles().create(InstanceProfile.create(account(), name, path,
                Ids.instanceProfileId(), now(), List.of(tags))));
    }

    @Test
    default void instanceProfile_isFoundInAnyCase_withArnTagsAndItsRole() {
        InstanceProfile created = profile("Web", "/tier/", new Tag("b", "2"), new Tag("A", "1"));
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account() + ":instance-profile/tier/Web");
        assertThat(created.tags()).containsExactly(new Tag("A", "1"), new Tag("b", "2"));
        Role r = role("WebRole");
        store().write(tx -> tx.instanceProfiles().addRole(account(), "WEB", "webrole"));
        InstanceProfile found = store().read(tx -> tx.instanceProfiles().get(account(), "web"));
        assertThat(found.name()).isEqualTo("Web");
        assertThat(found.createDate()).isEqualTo(now());
        assertThat(found.roles()).extracting(Role::id).containsExactly(r.id());
        assertIamError(() -> profile("WEB", "/"), "EntityAlreadyExists", "Instance Profile WEB already exists.");
        assertIamError(() -> store().read(tx -> tx.instanceProfiles().get(account(), "ghost")), "NoSuchEntity",
                "Instance Profile ghost cannot be found.");
    }

    @Test
    default void instanceProfilesRole_comesWithoutItsTags_whileTheProfileKeepsItsOwn() {
        profile("Tagged", "/", new Tag("p", "1"));
        store().write(tx -> tx.roles().create(Role.create(account(), "TaggedHeld", "/", Ids.roleId(), now(), TRUST,
                null, List.of(new Tag("r", "2")))));
        store().write(tx -> tx.instanceProfiles().addRole(account(), "Tagged", "TaggedHeld"));
        InstanceProfile found = store().read(tx -> tx.instanceProfiles().get(account(), "Tagged"));
        assertThat(found.tags()).containsExactly(new Tag("p", "1"));
        assertThat(found.roles()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("TaggedHeld");
            assertThat(r.tags()).isEmpty();
        });
        assertThat(store().read(tx -> tx.roles().get(account(), "TaggedHeld")).tags())
                .containsExactly(new Tag("r", "2"));
    }

    @Test
    default void instanceProfile_holdsOneRole_andTwoRacingAddsCannotBothSucceed() throws Exception {
        profile("Race", "/");
        role("R1");
        role("R2");
        List<Object> outcomes = race(2, i -> {
            store().write(tx -> tx.instanceProfiles().addRole(account(), "Race", "R" + (i + 1)));
            return "ok";
        });
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(store().read(tx -> tx.instanceProfiles().get(account(), "Race")).roles()).hasSize(1);
        assertIamError(() -> store().write(tx -> tx.instanceProfiles().addRole(account(), "Race", "R1")),
                "LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    }

    @Test
    default void rolesAndProfilesThatHoldEachOther_blockEachOthersDeletion() {
        profile("Holder", "/");
        role("Held");
        store().write(tx -> tx.instanceProfiles().addRole(account(), "Holder", "Held"));
        assertIamError(() -> store().write(tx -> tx.roles().delete(account(), "Held")), "DeleteConflict",
                "Cannot delete entity, must remove roles from instance profile first.");
        assertIamError(() -> store().write(tx -> tx.instanceProfiles().delete(account(), "Holder")), "DeleteConflict",
                "Cannot delete entity, must remove roles from instance profile first.");
        store().write(tx -> tx.instanceProfiles().removeRole(account(), "holder", "HELD"));
        assertIamError(() -> store().write(tx -> tx.instanceProfiles().removeRole(account(), "Holder", "Held")),
                "NoSuchEntity", "Role Held in Instance Profile Holder cannot be found.");
        store().write(tx -> tx.roles().delete(account(), "Held"));
        store().write(tx -> tx.instanceProfiles().delete(account(), "Holder"));
        assertThat(store().<Optional<InstanceProfile>>read(tx -> tx.instanceProfiles().find(account(), "Holder")))
                .isEmpty();
    }

    @Test
    default void listInstanceProfiles_andForRole_pageInNameOrder_filteredByPathPrefix() {
        Role shared = role("Shared");
        for (String n : List.of("c", "A", "b", "d")) {
            profile(n, n.equals("d") ? "/other/" : "/app/");
        }
        for (String n : List.of("A", "b", "c")) {
            store().write(tx -> tx.instanceProfiles().addRole(account(), n, "Shared"));
        }
        List<String> seen = new ArrayList<>();
        PageRequest req = new PageRequest("/app/", null, 2);
        while (true) {
            PageRequest r = req;
            Page<InstanceProfile> page = store().read(tx -> tx.instanceProfiles().list(account(), r));
            page.items().forEach(p -> seen.add(p.name()));
            if (!page.isTruncated()) {
                break;
            }
            req = req.after(page.nextMarker());
        }
        assertThat(seen).containsExactly("A", "b", "c");
        Page<InstanceProfile> forRole = store().read(tx -> tx.instanceProfiles().listForRole(account(), "shared",
                PageRequest.of(2)));
        assertThat(forRole.items()).extracting(InstanceProfile::name).containsExactly("A", "b");
        assertThat(forRole.items().get(0).roles()).extracting(Role::id).containsExactly(shared.id());
        assertThat(forRole.isTruncated()).isTrue();
    }

    @Test
    default void instanceProfileQuotaAndTags_useTheirOwnQuotaNames() {
        Store small = openWith(Limits.AWS_DEFAULTS.withInstanceProfilesPerAccount(1));
        small.write(tx -> tx.instanceProfiles().create(InstanceProfile.create(account(), "Only", "/",
                Ids.instanceProfileId(), now(), List.of())));
        assertIamError(() -> small.write(tx -> tx.instanceProfiles().create(InstanceProfile.create(account(), "More",
                "/", Ids.instanceProfileId(), now(), List.of()))), "LimitExceeded",
                "Cannot exceed quota for InstanceProfilesPerAccount: 1");
        Store fewTags = openWith(Limits.AWS_DEFAULTS.withTagsPerEntity(1));
        fewTags.write(tx -> tx.tags().tag(account(), TaggableKind.INSTANCE_PROFILE, "Only", List.of(new Tag("k", ""))));
        assertIamError(() -> fewTags.write(tx -> tx.tags().tag(account(), TaggableKind.INSTANCE_PROFILE, "Only",
                List.of(new Tag("j", "")))), "LimitExceeded", "Cannot exceed quota for TagsPerInstanceProfile: 1");
    }

    @Test
    default void serviceLinkedRoles_exceedTheRolesQuota_andKeepTheirService() {
        Store small = openWith(Limits.AWS_DEFAULTS.withRolesPerAccount(1));
        small.write(tx -> tx.roles().create(Role.create(account(), "Customer", "/", Ids.roleId(), now(), TRUST, null,
                List.of())));
        Role slr = small.inTransaction(tx -> tx.roles().create(Role.create(account(), "AWSServiceRoleForECS",
                "/aws-service-role/ecs.amazonaws.com/", Ids.roleId(), now(), TRUST, null, List.of())
                .linkedTo("ecs.amazonaws.com")));
        assertThat(slr.linkedService()).isEqualTo("ecs.amazonaws.com");
        assertIamError(() -> small.write(tx -> tx.roles().create(Role.create(account(), "Another", "/", Ids.roleId(),
                now(), TRUST, null, List.of()))), "LimitExceeded", "Cannot exceed quota for RolesPerAccount: 1");
    }

    @Test
    default void trustBindings_areReplacedOnSave_andGoWithTheRole() {
        Role r = role("Bound");
        User u = store().inTransaction(tx -> tx.users().create(User.create(account(), "u", "/", Ids.userId(), now(),
                null, List.of())));
        store().write(tx -> tx.roles().bindTrust(r.id(), List.of(new TrustBinding(u.arn(), u.id()),
                new TrustBinding("arn:aws:iam::" + account() + ":role/Bound", r.id()))));
        store().write(tx -> tx.roles().bindTrust(r.id(), List.of(new TrustBinding(u.arn(), u.id()))));
        assertThat(store().<List<TrustBinding>>read(tx -> tx.roles().trustBindings(r.id())))
                .containsExactly(new TrustBinding(u.arn(), u.id()));
        store().write(tx -> tx.roles().delete(account(), "Bound"));
        assertThat(store().<List<TrustBinding>>read(tx -> tx.roles().trustBindings(r.id()))).isEmpty();
    }

    @Test
    default void trustBindingsOfSeveralRoles_areReadTogether_byRole_andARoleWithoutAnyHasNoEntry() {
        Role a = role("BoundA");
        Role b = role("BoundB");
        Role none = role("Unbound");
        User u = store().inTransaction(tx -> tx.users().create(User.create(account(), "shared", "/", Ids.userId(),
                now(), null, List.of())));
        TrustBinding toUser = new TrustBinding(u.arn(), u.id());
        TrustBinding toA = new TrustBinding(a.arn(), a.id());
        store().write(tx -> tx.roles().bindTrust(a.id(), List.of(toUser)));
        store().write(tx -> tx.roles().bindTrust(b.id(), List.of(toUser, toA)));
        var all = store().<java.util.Map<String, List<TrustBinding>>>read(tx -> tx.roles().trustBindings(
                List.of(a.id(), b.id(), none.id())));
        assertThat(all).containsOnlyKeys(a.id(), b.id());
        assertThat(all.get(a.id())).containsExactly(toUser);
        assertThat(all.get(b.id())).containsExactlyInAnyOrder(toUser, toA)
                .isEqualTo(store().<List<TrustBinding>>read(tx -> tx.roles().trustBindings(b.id())));
        assertThat(store().<java.util.Map<String, List<TrustBinding>>>read(tx -> tx.roles().trustBindings(
                List.<String>of()))).isEmpty();
    }

    @Test
    default void recordUse_keepsTheLatest_withoutChangingTheVersion() {
        Role r = role("Used");
        Instant t1 = now().plusSeconds(10);
        store().write(tx -> tx.roles().recordUse(r.id(), t1, "us-west-2"));
        store().write(tx -> tx.roles().recordUse(r.id(), now(), "us-east-1"));
        Role got = store().read(tx -> tx.roles().get(account(), "Used"));
        assertThat(got.lastUsed()).isEqualTo(t1);
        assertThat(got.lastUsedRegion()).isEqualTo("us-west-2");
        assertThat(got.version()).isZero();
    }

    @Test
    default void deletionTasks_areReadBackByTheirAccountOnly_andUpdated() {
        String id = "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/" + java.util.UUID.randomUUID();
        DeletionTask task = new DeletionTask(account(), id, "arn:aws:iam::" + account()
                + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", DeletionTask.IN_PROGRESS, null,
                now());
        store().write(tx -> tx.deletionTasks().create(task));
        store().write(tx -> tx.deletionTasks().update(task.withStatus(DeletionTask.SUCCEEDED)));
        assertThat(store().<Optional<DeletionTask>>read(tx -> tx.deletionTasks().find(account(), id))).contains(
                task.withStatus(DeletionTask.SUCCEEDED));
        assertThat(store().<Optional<DeletionTask>>read(tx -> tx.deletionTasks().find("000000000000", id))).isEmpty();
    }
}
