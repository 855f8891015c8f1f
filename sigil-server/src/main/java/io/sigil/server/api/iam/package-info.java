/**
 * IAM operation handlers: map the AWS SDK v2 request objects to the services of {@code io.sigil.iam.service} and
 * their results back to response objects (IAM API Reference, "Actions"). Access keys ({@link
 * io.sigil.server.api.iam.AccessKeysApi}) and user and group inline policies ({@link
 * io.sigil.server.api.iam.InlinePoliciesApi}).
 */
package io.sigil.server.api.iam;
