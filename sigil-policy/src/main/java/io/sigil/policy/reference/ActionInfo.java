package io.sigil.policy.reference;

/** One action of a service, with the name as AWS spells it ({@code ListUsers}) and its access level. */
public record ActionInfo(String service, String name, AccessLevel level) {
    /** {@code iam:ListUsers}. */
    public String fullName() {
        return service + ":" + name;
    }
}
