/**
 * The error hierarchy: one {@link io.sigil.iam.error.IamException} carrying an {@link io.sigil.iam.error.ErrorCode}.
 * Codes and statuses follow the IAM API Reference ("Errors" of each action, "Common Errors").
 */
package io.sigil.iam.error;
