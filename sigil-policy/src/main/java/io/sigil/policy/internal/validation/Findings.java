package io.sigil.policy.internal.validation;

import io.sigil.policy.Finding;
import io.sigil.policy.PolicyType;
import io.sigil.policy.Severity;
import io.sigil.policy.SourceSpan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects findings while the checks walk the document, then orders them: errors by IAM's checking stage (so the
 * first error is the one IAM reports), then everything else in document order. For SCPs and RCPs, every error
 * carries AWS Organizations' single message, with the specific reason as detail.
 */
final class Findings {
    private record Entry(Issue issue, Finding finding, long offset, int seq) {}

    private final PolicyType type;
    private final List<Entry> entries = new ArrayList<>();

    Findings(PolicyType type) {
        this.type = type;
    }

    void add(Issue issue, String path, SourceSpan span, Object... args) {
        String message = issue.message(args);
        String detail = issue.detail(args);
        if (issue.severity() == Severity.ERROR && organizations()) {
            detail = detail == null ? message : detail;
            message = Issue.Messages.ORGANIZATIONS;
        }
        SourceSpan s = span == null ? SourceSpan.NONE : span;
        Finding f = new Finding(issue.severity(), issue.code(), message, path, s.line(), s.column(), detail, s);
        entries.add(new Entry(issue, f, s.startOffset(), entries.size()));
    }

    boolean has(Issue issue) {
        return entries.stream().anyMatch(e -> e.issue() == issue);
    }

    boolean hasErrorAtOrBefore(Stage stage) {
        return entries.stream().anyMatch(e -> e.finding().isError() && e.issue().stage().compareTo(stage) <= 0);
    }

    private boolean organizations() {
        return type == PolicyType.SCP || type == PolicyType.RCP;
    }

    List<Finding> sorted() {
        Comparator<Entry> order = Comparator
                .comparing((Entry e) -> e.finding().isError() ? 0 : 1)
                .thenComparing(e -> e.finding().isError() ? e.issue().stage().ordinal() : 0)
                .thenComparingLong(Entry::offset)
                .thenComparingInt(Entry::seq);
        return entries.stream().sorted(order).map(Entry::finding).toList();
    }
}
