/**
 * {@code POST /_sigil/authorize}: the authorization API for other services (DESIGN.md: "private clouds and
 * on-premises platforms ... ask Sigil 'may this principal do this action on this resource?'"). A service that
 * received an AWS-signed request forwards its SigV4 pieces (or names an already-known principal) with the action,
 * the resource, the resource's owner account, the resource's own policy and the request's context keys; Sigil
 * verifies the signature, resolves the principal, evaluates with the same engine and policy gathering as its own
 * API (IAM User Guide, "Policy evaluation logic", "Cross-account policy evaluation logic") and answers the decision,
 * the AWS-style reason, the deciding statements and, for a denial, an encoded authorization message that
 * sts:DecodeAuthorizationMessage decodes. Each decision is an audit event of the target service and goes to the
 * {@link io.sigil.server.authz.DecisionListener}.
 */
package io.sigil.server.authz;
