package io.sigil.iam.service;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessRecord;
import io.sigil.iam.model.AccessReportJob;
import io.sigil.iam.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Service last accessed data (IAM API Reference: GenerateServiceLastAccessedDetails, GetServiceLastAccessedDetails,
 * GetServiceLastAccessedDetailsWithEntities, ListPoliciesGrantingServiceAccess; IAM User Guide, "Refine permissions
 * in AWS using last accessed information"; spec §5.7).
 *
 * <p>A report lists "every AWS service that the resource could access using permissions policies" with "the most
 * recent access attempt" by the entities that count for it (see {@link AccessSubject}) within the tracking period;
 * a service allowed but never attempted is listed without LastAuthenticated. At {@code ACTION_LEVEL} the services
 * with action-level data ({@link TrackedActions}) also list their allowed actions that were attempted. The report is
 * made when it is asked for, from the attempts this node has recorded (flushed first) and every other node's, and
 * stored with its job, so the job is {@code COMPLETED} when GenerateServiceLastAccessedDetails answers.
 */
public final class LastAccessedService {

    /** "IAM reports activity for at least the last 400 days" (API Reference, GenerateServiceLastAccessedDetails). */
    public static final Duration TRACKING_PERIOD = Duration.ofDays(400);
    /** How long a job can be read back; AWS documents none, Sigil keeps jobs for 30 days. */
    public static final Duration JOB_RETENTION = Duration.ofDays(30);

    public static final String SERVICE_LEVEL = "SERVICE_LEVEL";
    public static final String ACTION_LEVEL = "ACTION_LEVEL";

    private final Store store;
    private final Clock clock;
    private final AccessTracking tracking;

    /** @param tracking this node's recorder, flushed before a report is made; null if there is none */
    public LastAccessedService(Store store, Clock clock, AccessTracking tracking) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tracking = tracking;
    }

    /** A job with its report (null unless completed). */
    public record Job(AccessReportJob job, LastAccessedReport report) {
    }

    /**
     * GenerateServiceLastAccessedDetails.
     *
     * @param granularity {@code SERVICE_LEVEL} (also when null) or {@code ACTION_LEVEL}
     * @return the JobId
     */
    public String generate(Principal caller, String arn, String granularity) {
        String level = granularity == null ? SERVICE_LEVEL : granularity;
        if (!level.equals(SERVICE_LEVEL) && !level.equals(ACTION_LEVEL)) {
            throw IamException.invalidInput("Invalid granularity: " + granularity);
        }
        String account = caller.accountId();
        Instant created = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AccessSubject subject = store.read(tx -> AccessSubject.resolve(tx, account, arn, true));
        if (tracking != null) {
            tracking.flush();
        }
        Instant since = created.minus(TRACKING_PERIOD);
        List<AccessRecord> records = store.read(tx -> tx.accessRecords().forEntities(account,
                subject.entities().stream().map(AccessSubject.Entity::id).toList(), since));
        LastAccessedReport report = report(subject, records, level.equals(ACTION_LEVEL));
        String jobId = UUID.randomUUID().toString();
        AccessReportJob job = new AccessReportJob(jobId, account, caller.principalArn(), subject.arn(), level,
                "COMPLETED", created, clock.instant().truncatedTo(ChronoUnit.MILLIS), report.encode());
        store.write(tx -> {
            tx.accessRecords().deleteJobsBefore(account, created.minus(JOB_RETENTION));
            tx.accessRecords().saveJob(job);
        });
        return jobId;
    }

    /**
     * GetServiceLastAccessedDetails and GetServiceLastAccessedDetailsWithEntities: the job, if the caller generated
     * it ("The JobId returned by GenerateServiceLastAccessedDetail must be used by the same role within a session,
     * or by the same user").
     *
     * @throws IamException NoSuchEntity for a job of another caller, or none
     */
    public Job get(Principal caller, String jobId) {
        AccessReportJob job = store.read(tx -> tx.accessRecords().findJob(caller.accountId(), jobId))
                .filter(j -> j.callerArn().equals(caller.principalArn()))
                .orElseThrow(() -> IamException.noSuchEntity("The job with ID " + jobId + " cannot be found."));
        return new Job(job, job.report() == null ? null : LastAccessedReport.decode(job.report()));
    }

    /** ListPoliciesGrantingServiceAccess: per namespace, in the order asked, the policies that allow it. */
    public Map<String, List<AccessSubject.GrantingPolicy>> policiesGranting(Principal caller, String arn,
                                                                             List<String> namespaces) {
        AccessSubject subject = store.read(tx -> AccessSubject.resolve(tx, caller.accountId(), arn, false));
        Map<String, List<AccessSubject.GrantingPolicy>> out = new java.util.LinkedHashMap<>();
        for (String ns : namespaces) {
            String key = ns.toLowerCase(java.util.Locale.ROOT);
            out.put(ns, subject.policies().stream().filter(p -> p.grants().containsKey(key)).toList());
        }
        return out;
    }

    static LastAccessedReport report(AccessSubject subject, List<AccessRecord> records, boolean actionLevel) {
        Map<String, Set<String>> allowed = new TreeMap<>();
        for (AccessSubject.GrantingPolicy p : subject.policies()) {
            p.grants().forEach((ns, actions) -> allowed.computeIfAbsent(ns, k -> new TreeSet<>(
                    String.CASE_INSENSITIVE_ORDER)).addAll(actions));
        }
        Map<String, List<AccessRecord>> byService = new HashMap<>();
        for (AccessRecord r : records) {
            byService.computeIfAbsent(r.serviceNamespace(), k -> new ArrayList<>()).add(r);
        }
        List<LastAccessedReport.Service> services = new ArrayList<>();
        List<LastAccessedReport.Use> uses = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : allowed.entrySet()) {
            String ns = e.getKey();
            List<AccessRecord> rs = byService.getOrDefault(ns, List.of());
            AccessRecord last = rs.stream().max(LATEST).orElse(null);
            Map<String, AccessRecord> perEntity = new HashMap<>();
            rs.forEach(r -> perEntity.merge(r.entityId(), r, AccessRecord::later));
            perEntity.values().forEach(r -> uses.add(new LastAccessedReport.Use(ns, r.entityId(), r.lastAccessed())));
            List<LastAccessedReport.TrackedAction> actions = actionLevel && TrackedActions.service(ns)
                    ? trackedActions(ns, e.getValue(), rs) : List.of();
            services.add(new LastAccessedReport.Service(ns, ServiceNames.of(ns),
                    last == null ? null : last.lastAccessed(), last == null ? null : last.entityArn(),
                    last == null ? null : last.region(), perEntity.size(), actions));
        }
        return new LastAccessedReport(services, subject.entities(), uses);
    }

    /** The allowed, tracked actions of one service that some entity attempted, each with its latest attempt. */
    private static List<LastAccessedReport.TrackedAction> trackedActions(String ns, Set<String> allowed,
                                                                         List<AccessRecord> records) {
        Map<String, AccessRecord> latest = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (AccessRecord r : records) {
            if (allowed.contains(r.action()) && TrackedActions.action(ns, r.action())) {
                latest.merge(r.action(), r, AccessRecord::later);
            }
        }
        List<LastAccessedReport.TrackedAction> out = new ArrayList<>();
        for (String action : allowed) {
            AccessRecord r = latest.get(action);
            if (r != null) {
                out.add(new LastAccessedReport.TrackedAction(action, r.lastAccessed(), r.entityArn(), r.region()));
            }
        }
        return out;
    }

    private static final Comparator<AccessRecord> LATEST = Comparator.comparing(AccessRecord::lastAccessed)
            .thenComparing(AccessRecord::entityArn);
}
