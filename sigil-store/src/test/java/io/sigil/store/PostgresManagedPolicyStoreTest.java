package io.sigil.store;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.store.Store;

/** The managed-policy store suite on PostgreSQL (see {@link TestPostgres}). */
class PostgresManagedPolicyStoreTest extends ManagedPolicyStoreContract {

    private final SecretBox box = SecretBox.random();

    @Override
    protected Store open(Limits limits) {
        return JdbcStore.postgres(TestPostgres.config(), box, limits);
    }
}
