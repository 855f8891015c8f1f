/**
 * The IAM domain of Sigil: identifiers ({@link io.sigil.iam.Ids}), ARNs ({@link io.sigil.iam.Arns}) and quotas
 * ({@link io.sigil.iam.Limits}); entity records in {@code model}, the {@code Store} interface in {@code store}.
 * Implements IAM User Guide, "IAM identifiers" and "IAM and AWS STS quotas".
 */
package io.sigil.iam;
