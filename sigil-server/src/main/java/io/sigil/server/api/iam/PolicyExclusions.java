package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.server.api.iam.SimulationPolicies.Embedded;
import io.sigil.server.api.iam.SimulationPolicies.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.InlinePolicyIdentifierType;
import software.amazon.awssdk.services.iam.model.PolicyIdentifier;
import software.amazon.awssdk.services.iam.model.PolicySourceType;

/**
 * SimulatePrincipalPolicy's PolicyExclusionList: the principal's policies left out of the simulation, to "test
 * 'what if I remove this policy?' scenarios without changing which policies are attached to the principal" (IAM
 * User Guide, "Testing IAM policies with the IAM policy simulator"). Each PolicyIdentifier names one of: a whole
 * type (inline, aws-managed, user-managed, permission-boundary; scp and rcp name policies the simulated account,
 * which belongs to no organization, does not have), a managed policy by ARN (attached, or the boundary), or one
 * inline policy by its name and the user, group or role it is embedded in. The ARN's resource name and the entity's
 * name may hold the wildcards {@code *} (any run of characters, none included) and {@code ?} (exactly one), to name
 * several policies at once (IAM API Reference, PolicyIdentifier and InlinePolicyIdentifierType). Which members are
 * required and which values PolicyType and AttachmentType take is checked with the request's other constraints
 * ({@code constraints-supplement.tsv}).
 */
final class PolicyExclusions {
    private final List<PolicyIdentifier> excluded;

    private PolicyExclusions(List<PolicyIdentifier> excluded) {
        this.excluded = excluded;
    }

    /** The request's list, each identifier checked to name exactly one thing. */
    static PolicyExclusions of(List<PolicyIdentifier> list) {
        List<PolicyIdentifier> out = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            PolicyIdentifier id = list.get(i);
            int set = (id.policyTypeAsString() != null ? 1 : 0) + (id.policyArn() != null ? 1 : 0)
                    + (id.inlinePolicyIdentifier() != null ? 1 : 0);
            if (set != 1) {
                throw IamException.invalidInput("PolicyExclusionList." + (i + 1) + " must name exactly one of "
                        + "PolicyType, PolicyArn and InlinePolicyIdentifier.");
            }
            out.add(id);
        }
        return new PolicyExclusions(out);
    }

    /** The identity-based policies that stay in the simulation. */
    List<Source> keep(List<Source> identity) {
        return identity.stream().filter(s -> !excludes(s, false)).toList();
    }

    /** Whether the principal's own permissions boundary is left out. */
    boolean excludesBoundary(Source boundary) {
        return excludes(boundary, true);
    }

    private boolean excludes(Source s, boolean boundary) {
        for (PolicyIdentifier id : excluded) {
            if (id.policyTypeAsString() != null) {
                String type = id.policyTypeAsString();
                if (boundary ? type.equals("permission-boundary") : typeOf(s).equals(type)) {
                    return true;
                }
            } else if (id.policyArn() != null) {
                if (s.arn() != null && wildcardMatch(id.policyArn(), s.arn())) {
                    return true;
                }
            } else if (!boundary && s.embedded() != null && names(id.inlinePolicyIdentifier(), s.embedded())) {
                return true;
            }
        }
        return false;
    }

    /** A source's PolicyType in the exclusion list's terms. */
    private static String typeOf(Source s) {
        if (s.type() == PolicySourceType.AWS_MANAGED) {
            return "aws-managed";
        }
        return s.type() == PolicySourceType.USER_MANAGED ? "user-managed" : "inline";
    }

    private static boolean names(InlinePolicyIdentifierType inline, Embedded embedded) {
        return embedded.kind().equals(inline.attachmentTypeAsString())
                && embedded.policyName().equals(inline.policyName())
                && wildcardMatch(inline.attachmentName(), embedded.owner());
    }

    /** Whether {@code text} is what {@code pattern} describes, its {@code *} and {@code ?} being wildcards. */
    private static boolean wildcardMatch(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
