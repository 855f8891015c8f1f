package io.sigil.policy.internal.validation;

/**
 * The order in which IAM checks a document: the first failing stage decides the one message that
 * {@code MalformedPolicyDocument} carries. Observed order (the same one moto's IAM emulation reproduces from live
 * AWS responses): JSON grammar, Version, legacy parsing, Sid uniqueness, actions present, resources present, then
 * resource formats, action formats and principal formats.
 */
enum Stage {
    CHARACTERS, SYNTAX, VERSION, PRINCIPAL_PLACEMENT, LEGACY, SID, ACTIONS, RESOURCES, RESOURCE_FORMAT,
    ACTION_FORMAT, PRINCIPAL_FORMAT, TYPE_RULES, NONE
}
