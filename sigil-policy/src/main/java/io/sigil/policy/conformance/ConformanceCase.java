package io.sigil.policy.conformance;

import io.sigil.policy.Outcome;
import io.sigil.policy.PolicySet;
import io.sigil.policy.RequestContext;

/**
 * One case of the conformance format (shared/conformance/README.md): a request, the policies in force, and the
 * expected outcome (null when the case leaves it out).
 */
public record ConformanceCase(String source, int index, String description, RequestContext request, PolicySet policies,
                              Outcome expect) {
    public String label() {
        return source + "#" + index + " " + description;
    }
}
