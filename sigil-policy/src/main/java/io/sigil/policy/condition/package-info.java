/**
 * Condition operators, one class per family, as the IAM User Guide groups them in "IAM JSON policy elements:
 * Condition operators" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * String, Numeric, Date, Boolean, Binary, IP address, ARN, and the Null existence check. A family compiles policy
 * values once and tests request values; how values, keys, {@code IfExists} and the set operators
 * {@code ForAnyValue:}/{@code ForAllValues:} combine lives in {@code io.sigil.policy.internal.CompiledCondition}.
 * A policy value a family cannot read is an {@link io.sigil.policy.condition.InvalidPolicyValue}, which the engine
 * evaluates fail-closed.
 */
package io.sigil.policy.condition;
