package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.server.api.iam.SimulationPolicies.Source;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.InlinePolicyIdentifierType;
import software.amazon.awssdk.services.iam.model.PolicyIdentifier;
import software.amazon.awssdk.services.iam.model.PolicySourceType;

/**
 * SimulatePrincipalPolicy's PolicyExclusionList: the principal's policies left out of the simulation, to "test
 * 'what if I remove this policy?' scenarios without changing which policies are attached to the principal" (IAM
 * User Guide, "Testing IAM policies with the IAM policy simulator"). Each PolicyIdentifier names one of: a whole
 * type (inline, aws-managed, user-managed, permission-boundary; scp and rcp name policies the simulated account,
 * which belongs to no organization, does not have), a managed policy by ARN (attached, or the boundary), or one
 * inline policy by its name and the user, group or role it is embedded in.
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
                if (id.policyArn().equals(s.arn())) {
                    return true;
                }
            } else if (!boundary && s.arn() == null && inlineId(id.inlinePolicyIdentifier()).equals(s.id())) {
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

    private static String inlineId(InlinePolicyIdentifierType inline) {
        return SimulationPolicies.inlineId(inline.attachmentTypeAsString(), inline.attachmentName(),
                inline.policyName());
    }
}
