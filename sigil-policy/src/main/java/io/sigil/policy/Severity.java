package io.sigil.policy;

/** Severity of a validation finding, as IAM Access Analyzer's ValidatePolicy names them. */
public enum Severity {
    ERROR, SECURITY_WARNING, WARNING, SUGGESTION
}
