package io.sigil.policy.internal.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks across statements: Sid uniqueness (IAM JSON policy elements: Sid) and identical statements. */
final class CrossStatementChecks {
    private CrossStatementChecks() {}

    static void check(Context ctx, List<StatementFacts> statements) {
        Map<String, StatementFacts> sids = new HashMap<>();
        Map<String, StatementFacts> bodies = new HashMap<>();
        for (StatementFacts st : statements) {
            if (st.sid() != null && !st.sid().value().isEmpty() && sids.putIfAbsent(st.sid().value(), st) != null) {
                // IAM-stored policies reject duplicates; other services' resource policies merely should not have them.
                ctx.add(ctx.iamStored() ? Issue.UNIQUE_SIDS_REQUIRED : Issue.UNIQUE_SIDS_RECOMMENDED,
                        st.sid().path(), st.sid().span());
            }
            if (bodies.putIfAbsent(st.canonical(), st) != null) {
                ctx.add(Issue.REDUNDANT_STATEMENT, st.path(), st.span());
            }
        }
    }
}
