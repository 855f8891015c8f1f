package io.sigil.policy;

/** The three results of IAM policy evaluation. */
public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }
