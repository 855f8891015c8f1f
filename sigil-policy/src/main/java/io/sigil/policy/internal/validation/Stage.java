package io.sigil.policy.internal.validation;

/**
 * The order in which IAM checks a document: the first failing stage decides the one message that
 * {@code MalformedPolicyDocument} carries. Observed order (as moto's and LocalStack's IAM emulations reproduce it
 * from live AWS responses): JSON grammar, Version, legacy parsing, Sid uniqueness, actions present, resource
 * formats, resources present, action formats; for role trust policies then the actions and the Resource element.
 * Resources present comes before action formats: {"Action": "invalid"} without a Resource is "Policy statement must
 * contain resources." (LocalStack's AWS-validated snapshots, 2026), with one "Actions/Conditions must be prefaced by
 * a vendor, e.g., iam, sdb, ec2, etc."
 */
enum Stage {
    CHARACTERS, SYNTAX, VERSION, PRINCIPAL_PLACEMENT, LEGACY, SID, ACTIONS, RESOURCE_FORMAT, RESOURCES,
    ACTION_FORMAT, TRUST_ACTION, TRUST_RESOURCE, PRINCIPAL_FORMAT, TYPE_RULES, NONE
}
