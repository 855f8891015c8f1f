package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessReportJob;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.service.AccessSubject;
import io.sigil.iam.service.LastAccessedReport;
import io.sigil.iam.service.LastAccessedService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.EntityDetails;
import software.amazon.awssdk.services.iam.model.EntityInfo;
import software.amazon.awssdk.services.iam.model.GenerateServiceLastAccessedDetailsRequest;
import software.amazon.awssdk.services.iam.model.GenerateServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsWithEntitiesRequest;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsWithEntitiesResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesGrantingServiceAccessEntry;
import software.amazon.awssdk.services.iam.model.ListPoliciesGrantingServiceAccessRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesGrantingServiceAccessResponse;
import software.amazon.awssdk.services.iam.model.PolicyGrantingServiceAccess;
import software.amazon.awssdk.services.iam.model.PolicyOwnerEntityType;
import software.amazon.awssdk.services.iam.model.PolicyType;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;
import software.amazon.awssdk.services.iam.model.TrackedActionLastAccessed;

/**
 * Service last accessed data on the wire (IAM API Reference: GenerateServiceLastAccessedDetails,
 * GetServiceLastAccessedDetails, GetServiceLastAccessedDetailsWithEntities, ListPoliciesGrantingServiceAccess; the
 * rules are {@link LastAccessedService}'s). Members that AWS documents as "null if no IAM entities attempted to
 * access the service within the tracking period" are left out; lists are paged with {@code MaxItems} (default 100)
 * and an opaque {@code Marker}.
 */
public final class LastAccessedApi implements ApiModule {

    private static final String MARKER_PREFIX = "o1:";

    private final LastAccessedService service;

    public LastAccessedApi(LastAccessedService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(GenerateServiceLastAccessedDetailsRequest.class, this::generate)
                .on(GetServiceLastAccessedDetailsRequest.class, this::get)
                .on(GetServiceLastAccessedDetailsWithEntitiesRequest.class, this::getWithEntities)
                .on(ListPoliciesGrantingServiceAccessRequest.class, this::policiesGranting);
    }

    GenerateServiceLastAccessedDetailsResponse generate(GenerateServiceLastAccessedDetailsRequest r,
                                                        CallContext call) {
        return GenerateServiceLastAccessedDetailsResponse.builder()
                .jobId(service.generate(call.principal(), r.arn(), r.granularityAsString())).build();
    }

    GetServiceLastAccessedDetailsResponse get(GetServiceLastAccessedDetailsRequest r, CallContext call) {
        LastAccessedService.Job job = service.get(call.principal(), r.jobId());
        AccessReportJob j = job.job();
        GetServiceLastAccessedDetailsResponse.Builder b = GetServiceLastAccessedDetailsResponse.builder()
                .jobStatus(j.status()).jobType(j.granularity()).jobCreationDate(j.created())
                .jobCompletionDate(j.completed());
        List<LastAccessedReport.Service> services = job.report() == null ? List.of() : job.report().services();
        Slice<LastAccessedReport.Service> page = slice(services, r.marker(), r.maxItems());
        return b.servicesLastAccessed(page.items().stream().map(LastAccessedApi::service).toList())
                .isTruncated(page.marker() != null).marker(page.marker()).build();
    }

    GetServiceLastAccessedDetailsWithEntitiesResponse getWithEntities(
            GetServiceLastAccessedDetailsWithEntitiesRequest r, CallContext call) {
        LastAccessedService.Job job = service.get(call.principal(), r.jobId());
        AccessReportJob j = job.job();
        List<EntityDetails> details = job.report() == null ? List.of() : entities(job.report(), r.serviceNamespace());
        Slice<EntityDetails> page = slice(details, r.marker(), r.maxItems());
        return GetServiceLastAccessedDetailsWithEntitiesResponse.builder().jobStatus(j.status())
                .jobCreationDate(j.created()).jobCompletionDate(j.completed()).entityDetailsList(page.items())
                .isTruncated(page.marker() != null).marker(page.marker()).build();
    }

    ListPoliciesGrantingServiceAccessResponse policiesGranting(ListPoliciesGrantingServiceAccessRequest r,
                                                               CallContext call) {
        List<ListPoliciesGrantingServiceAccessEntry> entries = new ArrayList<>();
        service.policiesGranting(call.principal(), r.arn(), r.serviceNamespaces()).forEach((ns, policies) ->
                entries.add(ListPoliciesGrantingServiceAccessEntry.builder().serviceNamespace(ns)
                        .policies(policies.stream().map(LastAccessedApi::granting).toList()).build()));
        return ListPoliciesGrantingServiceAccessResponse.builder().policiesGrantingServiceAccess(entries)
                .isTruncated(false).build();
    }

    private static ServiceLastAccessed service(LastAccessedReport.Service s) {
        ServiceLastAccessed.Builder b = ServiceLastAccessed.builder().serviceName(s.name())
                .serviceNamespace(s.namespace()).lastAuthenticated(s.lastAuthenticated())
                .lastAuthenticatedEntity(s.lastEntityArn()).lastAuthenticatedRegion(s.lastRegion())
                .totalAuthenticatedEntities(s.totalAuthenticatedEntities() == 0 ? null
                        : s.totalAuthenticatedEntities());
        if (!s.actions().isEmpty()) {
            b.trackedActionsLastAccessed(s.actions().stream().map(a -> TrackedActionLastAccessed.builder()
                    .actionName(a.action()).lastAccessedTime(a.lastAccessed()).lastAccessedEntity(a.entityArn())
                    .lastAccessedRegion(a.region()).build()).toList());
        }
        return b.build();
    }

    /**
     * The entities of the report with their latest attempt to use the service: those that attempted first, latest
     * first, then the others by ARN.
     */
    private static List<EntityDetails> entities(LastAccessedReport report, String namespace) {
        Map<String, Instant> last = new HashMap<>();
        report.uses().stream().filter(u -> u.namespace().equalsIgnoreCase(namespace))
                .forEach(u -> last.put(u.entityId(), u.lastAuthenticated()));
        return report.entities().stream()
                .sorted(Comparator.comparing((AccessSubject.Entity e) -> last.get(e.id()),
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(AccessSubject.Entity::arn))
                .map(e -> EntityDetails.builder().lastAuthenticated(last.get(e.id())).entityInfo(EntityInfo.builder()
                        .arn(e.arn()).name(e.name()).type(type(e.kind())).id(e.id()).path(e.path()).build()).build())
                .toList();
    }

    /** "PolicyArn ... EntityType ... EntityName: ... This field is null for managed policies" (and vice versa). */
    private static PolicyGrantingServiceAccess granting(AccessSubject.GrantingPolicy p) {
        PolicyGrantingServiceAccess.Builder b = PolicyGrantingServiceAccess.builder().policyName(p.name());
        if (p.inline()) {
            return b.policyType(PolicyType.INLINE).entityType(type(p.ownerKind())).entityName(p.ownerName()).build();
        }
        return b.policyType(PolicyType.MANAGED).policyArn(p.arn()).build();
    }

    private static PolicyOwnerEntityType type(PolicyOwnerKind kind) {
        return switch (kind) {
            case USER -> PolicyOwnerEntityType.USER;
            case GROUP -> PolicyOwnerEntityType.GROUP;
            case ROLE -> PolicyOwnerEntityType.ROLE;
        };
    }

    /** One page of a list held in memory, and the marker of the next, or null. */
    private record Slice<T>(List<T> items, String marker) {
    }

    private static <T> Slice<T> slice(List<T> all, String marker, Integer maxItems) {
        int from = offset(marker);
        int size = maxItems == null ? 100 : maxItems;
        int to = Math.min(all.size(), from + size);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString((MARKER_PREFIX + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new Slice<>(items, next);
    }

    private static int offset(String marker) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (s.startsWith(MARKER_PREFIX)) {
                int n = Integer.parseInt(s.substring(MARKER_PREFIX.length()));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: NumberFormatException is an IllegalArgumentException too
        }
        throw IamException.invalidInput("Invalid Marker: " + marker);
    }
}
