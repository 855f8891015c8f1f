package io.sigil.iam.store;

import io.sigil.iam.model.AccessRecord;
import io.sigil.iam.model.AccessReportJob;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Last-accessed data (IAM User Guide, "Refine permissions in AWS using last accessed information") and the report
 * jobs of GenerateServiceLastAccessedDetails. Records are written in batches by
 * {@link io.sigil.iam.service.AccessTracking}, never on the request path.
 */
public interface AccessRecordStore {

    /**
     * Keeps {@code r} if it is later than what is stored for its entity, service and action; an earlier or equal
     * one changes nothing, so replaying a batch is harmless.
     */
    void record(AccessRecord r);

    /** Every record of these entities (unique ids) in the account at or after {@code since}, in no order. */
    List<AccessRecord> forEntities(String accountId, Collection<String> entityIds, Instant since);

    /** Inserts or replaces the job. */
    void saveJob(AccessReportJob job);

    Optional<AccessReportJob> findJob(String accountId, String jobId);

    /** Forgets the account's jobs created before {@code before}; returns how many. */
    int deleteJobsBefore(String accountId, Instant before);
}
