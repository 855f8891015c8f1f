package io.sigil.iam.model;

import java.util.List;
import java.util.Objects;

/**
 * The permissions a delegation request asks for (IAM API Reference, "DelegationPermission"): a policy template and
 * the parameters that scope it.
 *
 * @param policyTemplateArn the template's ARN, or null
 */
public record DelegationPermissions(String policyTemplateArn, List<Parameter> parameters) {
    public DelegationPermissions {
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
    }

    /**
     * One policy parameter ("PolicyParameter"): its name, its type ({@code string} or {@code stringList}) and
     * values.
     *
     * @param type null when not given
     */
    public record Parameter(String name, String type, List<String> values) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values == null ? List.of() : values);
        }
    }
}
