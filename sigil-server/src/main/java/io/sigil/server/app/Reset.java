package io.sigil.server.app;

import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Tx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /_sigil/reset} (dev mode): deletes every entity of every account and every account but the first,
 * keeping the first account's root keys (its alias is removed), in one transaction. Deletion goes through the store's own operations, in
 * the order IAM requires (keys, policies, memberships, then the entity).
 */
final class Reset {
    private Reset() {}

    static void run(SigilApp app) {
        String keep = app.accountId();
        for (String account : AdminEndpoints.accountIds(app)) {
            app.store().write(tx -> wipe(tx, account, !account.equals(keep)));
        }
    }

    private static void wipe(Tx tx, String account, boolean deleteAccount) {
        for (User u : all(p -> tx.users().list(account, p))) {
            for (AccessKey k : all(p -> tx.accessKeys().list(account, u.name(), p))) {
                tx.accessKeys().delete(account, k.id());
            }
            for (String name : all(p -> tx.inlinePolicies().listNames(account, PolicyOwnerKind.USER, u.name(), p))) {
                tx.inlinePolicies().delete(account, PolicyOwnerKind.USER, u.name(), name);
            }
            for (Group g : all(p -> tx.groups().listForUser(account, u.name(), p))) {
                tx.groups().removeUser(account, g.name(), u.name());
            }
            detachAll(tx, account, PolicyOwnerKind.USER, u.name());
            tx.users().delete(account, u.name());
        }
        for (Group g : all(p -> tx.groups().list(account, p))) {
            for (String name : all(p -> tx.inlinePolicies().listNames(account, PolicyOwnerKind.GROUP, g.name(), p))) {
                tx.inlinePolicies().delete(account, PolicyOwnerKind.GROUP, g.name(), name);
            }
            detachAll(tx, account, PolicyOwnerKind.GROUP, g.name());
            tx.groups().delete(account, g.name());
        }
        for (InstanceProfile ip : all(p -> tx.instanceProfiles().list(account, p))) {
            for (Role r : ip.roles()) {
                tx.instanceProfiles().removeRole(account, ip.name(), r.name());
            }
            tx.instanceProfiles().delete(account, ip.name());
        }
        for (Role r : all(p -> tx.roles().list(account, p))) {
            for (String name : all(p -> tx.inlinePolicies().listNames(account, PolicyOwnerKind.ROLE, r.name(), p))) {
                tx.inlinePolicies().delete(account, PolicyOwnerKind.ROLE, r.name(), name);
            }
            detachAll(tx, account, PolicyOwnerKind.ROLE, r.name());
            tx.roles().delete(account, r.name());
        }
        for (ManagedPolicy p : tx.managedPolicies().list(account)) {
            for (PolicyVersion v : tx.managedPolicies().versions(p.arn())) {
                if (!v.isDefault()) {
                    tx.managedPolicies().deleteVersion(p.arn(), v.versionId());
                }
            }
            tx.managedPolicies().delete(p.arn());
        }
        for (io.sigil.iam.model.OidcProvider p : tx.oidcProviders().list(account)) {
            tx.oidcProviders().delete(account, p.resourceName());
        }
        if (!deleteAccount) {
            // The alias is the account's, not an entity, but a reset account answers ListAccountAliases as new
            // and frees the name for the next test
            io.sigil.iam.model.Account kept = tx.accounts().get(account);
            if (kept.alias() != null) {
                tx.accounts().update(kept.withAlias(null));
            }
        }
        if (deleteAccount) {
            for (AccessKey k : all(p -> tx.accessKeys().list(account, null, p))) {
                tx.accessKeys().delete(account, k.id());
            }
            tx.accounts().delete(account);
        }
    }

    private static void detachAll(Tx tx, String account, PolicyOwnerKind kind, String name) {
        for (String arn : tx.managedPolicies().attached(account, kind, name)) {
            tx.managedPolicies().detach(account, kind, name, arn);
        }
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> lister) {
        List<T> out = new ArrayList<>();
        PageRequest page = new PageRequest("/", null, PageRequest.MAX_MAX_ITEMS);
        while (true) {
            Page<T> p = lister.apply(page);
            out.addAll(p.items());
            if (!p.isTruncated()) {
                return out;
            }
            page = page.after(p.nextMarker());
        }
    }
}
