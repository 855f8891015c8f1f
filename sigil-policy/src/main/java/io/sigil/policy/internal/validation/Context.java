package io.sigil.policy.internal.validation;

import io.sigil.policy.Policy;
import io.sigil.policy.PolicyType;
import io.sigil.policy.SourceSpan;
import io.sigil.policy.reference.ReferenceData;

/**
 * What every check needs: the policy type, whether the document is a managed policy (which must use Version
 * 2012-10-17), the Version in force, and the findings collector.
 */
final class Context {
    final PolicyType type;
    final boolean managed;
    final Findings findings;
    String version;

    Context(PolicyType type, boolean managed) {
        this.type = type;
        this.managed = managed;
        this.findings = new Findings(type);
    }

    void add(Issue issue, String path, SourceSpan span, Object... args) {
        findings.add(issue, path, span, args);
    }

    ReferenceData reference() {
        return ReferenceData.get();
    }

    boolean variablesEnabled() {
        return Policy.VERSION_2012.equals(version);
    }

    /** Identity-side types: the policy is attached to a principal, so it must not name one. */
    boolean principalProhibited() {
        return type == PolicyType.IDENTITY || type == PolicyType.PERMISSIONS_BOUNDARY || type == PolicyType.SESSION;
    }

    /** Types whose statements must name a principal. */
    boolean principalRequired() {
        return type == PolicyType.RESOURCE || type == PolicyType.TRUST || type == PolicyType.RCP;
    }

    /** Types IAM itself stores and parses (IAM's Sid and grammar rules apply in full). */
    boolean iamStored() {
        return type != PolicyType.RESOURCE;
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
