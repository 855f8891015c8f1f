package io.sigil.policy.internal.validation;

/**
 * The order in which IAM checks a document: the first failing stage decides the one message that
 * {@code MalformedPolicyDocument} carries. Observed order (as moto's and LocalStack's IAM emulations reproduce it
 * from live AWS responses): JSON grammar, Version, legacy parsing, Sid uniqueness, actions present, resource
 * formats, action formats, resources present; for role trust policies then the actions and the Resource element.
 */
enum Stage {
    CHARACTERS, SYNTAX, VERSION, PRINCIPAL_PLACEMENT, LEGACY, SID, ACTIONS, RESOURCE_FORMAT, ACTION_FORMAT,
    RESOURCES, TRUST_ACTION, TRUST_RESOURCE, PRINCIPAL_FORMAT, TYPE_RULES, NONE
}
