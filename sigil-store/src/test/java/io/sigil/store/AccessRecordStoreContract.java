package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessRecord;
import io.sigil.iam.model.AccessReportJob;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store suite for last accessed data and report jobs, run on every dialect by {@link StoreContract}. */
interface AccessRecordStoreContract {

    Store store();

    String account();

    Instant now();

    private AccessRecord use(String entityId, String namespace, String action, Instant when, String region) {
        return new AccessRecord(account(), PolicyOwnerKind.USER, entityId,
                "arn:aws:iam::" + account() + ":user/u-" + entityId, namespace, action, when, region);
    }

    private java.util.Optional<AccessReportJob> job(String accountId, String jobId) {
        return store().read(tx -> tx.accessRecords().findJob(accountId, jobId));
    }

    private List<AccessRecord> since(Instant since, String... entityIds) {
        return store().read(tx -> tx.accessRecords().forEntities(account(), List.of(entityIds), since));
    }

    private List<AccessRecord> of(String... entityIds) {
        return store().read(tx -> tx.accessRecords().forEntities(account(), List.of(entityIds), Instant.EPOCH));
    }

    @Test
    default void accessRecord_aLaterAttemptReplacesAnEarlierOne_andAnEarlierOrReplayedOneChangesNothing() {
        String id = Ids.userId();
        Instant t = now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store().write(tx -> tx.accessRecords().record(use(id, "iam", "ListUsers", t, "us-east-1")));
        store().write(tx -> tx.accessRecords().record(use(id, "iam", "ListUsers", t.plusSeconds(60), "eu-west-1")));
        store().write(tx -> tx.accessRecords().record(use(id, "iam", "ListUsers", t.plusSeconds(30), "us-west-2")));
        store().write(tx -> tx.accessRecords().record(use(id, "iam", "ListUsers", t.plusSeconds(60), "ap-south-1")));

        assertThat(of(id)).containsExactly(use(id, "iam", "ListUsers", t.plusSeconds(60), "eu-west-1"));
    }

    @Test
    default void accessRecord_actionsAreOneRowWhateverTheirCase_andEachActionAndServiceHasItsOwnRow() {
        String id = Ids.userId();
        Instant t = now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store().write(tx -> {
            tx.accessRecords().record(use(id, "iam", "ListUsers", t, "us-east-1"));
            tx.accessRecords().record(use(id, "iam", "listusers", t.plusSeconds(1), "us-east-1"));
            tx.accessRecords().record(use(id, "iam", "GetUser", t, "us-east-1"));
            tx.accessRecords().record(use(id, "sts", "GetCallerIdentity", t, "us-east-1"));
        });

        assertThat(of(id)).containsExactlyInAnyOrder(use(id, "iam", "listusers", t.plusSeconds(1), "us-east-1"),
                use(id, "iam", "GetUser", t, "us-east-1"), use(id, "sts", "GetCallerIdentity", t, "us-east-1"));
    }

    @Test
    default void accessRecords_areReadOnlyForTheEntitiesAskedFor_andOnlySinceTheTrackingPeriodStart() {
        String a = Ids.userId();
        String b = Ids.roleId();
        String c = Ids.userId();
        Instant t = now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store().write(tx -> {
            tx.accessRecords().record(use(a, "iam", "GetUser", t, "us-east-1"));
            tx.accessRecords().record(new AccessRecord(account(), PolicyOwnerKind.ROLE, b,
                    "arn:aws:iam::" + account() + ":role/r", "s3", "ListAllMyBuckets", t, "eu-west-1"));
            tx.accessRecords().record(use(c, "iam", "GetUser", t.minusSeconds(3600), "us-east-1"));
        });

        assertThat(of(a, b)).extracting(AccessRecord::entityId).containsExactlyInAnyOrder(a, b);
        assertThat(of(a, b)).filteredOn(r -> r.entityId().equals(b)).singleElement()
                .extracting(AccessRecord::entityKind).isEqualTo(PolicyOwnerKind.ROLE);
        assertThat(since(t.minusSeconds(60), a, c))
                .extracting(AccessRecord::entityId).containsExactly(a);
        assertThat(since(Instant.EPOCH)).isEmpty();
    }

    @Test
    default void accessRecords_ofAnotherAccountAreNotRead() {
        String other = Ids.accountId();
        String id = Ids.userId();
        store().write(tx -> {
            tx.accounts().create(Account.create(other, now()));
            tx.accessRecords().record(new AccessRecord(other, PolicyOwnerKind.USER, id,
                    "arn:aws:iam::" + other + ":user/x", "iam", "GetUser", now(), "us-east-1"));
        });
        assertThat(of(id)).isEmpty();
    }

    @Test
    default void accessRecords_manyEntitiesAreReadInOneCall() {
        List<String> ids = new java.util.ArrayList<>();
        Instant t = now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store().write(tx -> {
            for (int i = 0; i < 1200; i++) {
                String id = Ids.userId();
                ids.add(id);
                tx.accessRecords().record(use(id, "iam", "GetUser", t, "us-east-1"));
            }
        });
        List<AccessRecord> all = store().read(tx -> tx.accessRecords().forEntities(account(), ids, Instant.EPOCH));
        assertThat(all).hasSize(1200);
    }

    @Test
    default void reportJob_isFoundByIdInItsAccountOnly_andReplacedWhenSavedAgain() {
        String jobId = UUID.randomUUID().toString();
        Instant t = now();
        AccessReportJob running = new AccessReportJob(jobId, account(), "arn:aws:iam::" + account() + ":user/a",
                "arn:aws:iam::" + account() + ":user/b", "ACTION_LEVEL", "IN_PROGRESS", t, null, null);
        store().write(tx -> tx.accessRecords().saveJob(running));
        assertThat(job(account(), jobId)).contains(running);

        AccessReportJob done = new AccessReportJob(jobId, account(), running.callerArn(), running.subjectArn(),
                "ACTION_LEVEL", "COMPLETED", t, t.plusMillis(5), "S\tiam\n");
        store().write(tx -> tx.accessRecords().saveJob(done));
        assertThat(job(account(), jobId)).contains(done);
        assertThat(job(Ids.accountId(), jobId)).isEmpty();
    }

    @Test
    default void reportJobs_createdBeforeACutOffAreForgotten() {
        Instant t = now();
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        store().write(tx -> {
            tx.accessRecords().saveJob(new AccessReportJob(old, account(), "c", "s", "SERVICE_LEVEL", "COMPLETED",
                    t.minusSeconds(7200), t.minusSeconds(7200), ""));
            tx.accessRecords().saveJob(new AccessReportJob(fresh, account(), "c", "s", "SERVICE_LEVEL", "COMPLETED",
                    t, t, ""));
        });
        int deleted = store().inTransaction(tx -> tx.accessRecords().deleteJobsBefore(account(), t.minusSeconds(60)));
        assertThat(deleted).isEqualTo(1);
        assertThat(job(account(), old)).isEmpty();
        assertThat(job(account(), fresh)).isPresent();
    }
}
