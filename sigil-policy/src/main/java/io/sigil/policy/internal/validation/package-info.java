/**
 * Policy validation: IAM's grammar and MalformedPolicyDocument rules (IAM User Guide, "Grammar of the IAM JSON
 * policy language", "IAM JSON policy elements reference"), the rules of each policy type, and IAM Access Analyzer's
 * policy checks (IAM User Guide, "Access Analyzer policy check reference"). {@link
 * io.sigil.policy.internal.validation.Issue} lists every finding with its source.
 */
package io.sigil.policy.internal.validation;
