package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.GlobalEndpointTokenVersion;
import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The store suite for the account's STS preferences (migration V10): default test methods that every dialect's
 * {@link StoreContract} subclass runs.
 */
interface StsPreferencesStoreContract {

    Store store();

    String account();

    Instant now();

    private Optional<GlobalEndpointTokenVersion> version(String accountId) {
        return store().read(tx -> tx.stsPreferences().globalEndpointTokenVersion(accountId));
    }

    @Test
    default void globalEndpointTokenVersion_isAbsentUntilSet_thenReadBack_andReplacedBySettingAgain() {
        assertThat(version(account())).isEmpty();

        store().write(tx -> {
            tx.stsPreferences().setGlobalEndpointTokenVersion(account(), GlobalEndpointTokenVersion.V2_TOKEN);
        });
        assertThat(version(account()))
                .contains(GlobalEndpointTokenVersion.V2_TOKEN);

        store().write(tx -> {
            tx.stsPreferences().setGlobalEndpointTokenVersion(account(), GlobalEndpointTokenVersion.V1_TOKEN);
        });
        assertThat(version(account()))
                .contains(GlobalEndpointTokenVersion.V1_TOKEN);
    }

    @Test
    default void globalEndpointTokenVersion_isPerAccount() {
        String other = Ids.accountId();
        store().write(tx -> {
            tx.accounts().create(Account.create(other, now()));
            tx.stsPreferences().setGlobalEndpointTokenVersion(other, GlobalEndpointTokenVersion.V2_TOKEN);
        });

        assertThat(version(account())).isEmpty();
        assertThat(version(other))
                .contains(GlobalEndpointTokenVersion.V2_TOKEN);
    }

    @Test
    default void settingTheTokenVersion_isAnAccountChangeEvent_soOtherNodesDropWhatTheyCached() throws Exception {
        List<ChangeEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription sub = store().subscribe(seen::add)) {
            store().write(tx -> {
                tx.stsPreferences().setGlobalEndpointTokenVersion(account(), GlobalEndpointTokenVersion.V2_TOKEN);
                });
            long deadline = System.currentTimeMillis() + 5_000;
            while (seen.stream().noneMatch(e -> e.kind() == EntityKind.ACCOUNT && account().equals(e.accountId()))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(seen).anyMatch(e -> e.kind() == EntityKind.ACCOUNT && account().equals(e.accountId()));
    }
}
