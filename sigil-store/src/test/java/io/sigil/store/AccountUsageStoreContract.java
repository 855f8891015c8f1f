package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.AccountUsage;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.OidcProvider;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.model.VirtualMfaDevice;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counts behind GetAccountSummary ({@link io.sigil.iam.store.AccountStore#usage}), run on every dialect by
 * {@link StoreContract}.
 */
interface AccountUsageStoreContract {

    Store store();

    String account();

    Instant now();

    String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    @Test
    default void usage_ofAFreshAccount_isAllZeros() {
        AccountUsage u = store().read(tx -> tx.accounts().usage(account()));

        assertThat(u).isEqualTo(new AccountUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    default void usage_countsEachKindOfEntity_andOnlyThoseOfTheAccount() {
        String acct = account();
        Instant now = now();
        store().write(tx -> {
            User ann = tx.users().create(User.create(acct, "ann", "/", Ids.userId(), now, null, List.of()));
            tx.users().create(User.create(acct, "bob", "/", Ids.userId(), now, null, List.of()));
            tx.groups().create(Group.create(acct, "devs", "/", Ids.groupId(), now));
            tx.roles().create(Role.create(acct, "ops", "/", Ids.roleId(), now, RoleStoreContract.TRUST, null,
                    List.of()));
            ManagedPolicy p = tx.managedPolicies().create(ManagedPolicy.create(acct, "p", "/", Ids.policyId(), null,
                    now, List.of()), DOC);
            tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "ann", p.arn());
            tx.managedPolicies().attach(acct, PolicyOwnerKind.USER, "ann", "arn:aws:iam::aws:policy/ReadOnlyAccess");
            tx.managedPolicies().attach(acct, PolicyOwnerKind.GROUP, "devs", p.arn());
            tx.managedPolicies().attach(acct, PolicyOwnerKind.ROLE, "ops", p.arn());
            tx.instanceProfiles().create(InstanceProfile.create(acct, "web", "/", Ids.instanceProfileId(), now,
                    List.of()));
            VirtualMfaDevice used = tx.mfaDevices().create(VirtualMfaDevice.create(acct, "used", "/", now, List.of()),
                    "seed-1".getBytes());
            tx.mfaDevices().create(VirtualMfaDevice.create(acct, "spare", "/", now, List.of()), "seed-2".getBytes());
            tx.mfaDevices().assign(acct, used.serialNumber(), ann.id(), now, 0, 1L);
            tx.accessKeys().create(new AccessKey(acct, Ids.accessKeyId(), null, null, AccessKeyStatus.ACTIVE, now,
                    null), Ids.secretAccessKey());
            tx.accessKeys().create(new AccessKey(acct, Ids.accessKeyId(), ann.id(), "ann", AccessKeyStatus.ACTIVE,
                    now, null), Ids.secretAccessKey());
            tx.oidcProviders().create(new OidcProvider(acct, Ids.uniqueId("OIDC"), "https://idp.example.com",
                    List.of("app"), List.of(), now, List.of(), 0));
        });

        AccountUsage u = store().read(tx -> tx.accounts().usage(acct));
        AccountUsage other = store().read(tx -> tx.accounts().usage("000000000000"));

        assertThat(u).isEqualTo(new AccountUsage(2, 1, 1, 1, 4, 0, 1, 2, 1, 1, 0, 1));
        assertThat(other).isEqualTo(new AccountUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
}
