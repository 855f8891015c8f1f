package io.sigil.policy.validation;

import io.sigil.policy.Finding;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;

import java.util.List;

/** Small helpers for validator tests: JSON written with single quotes, and one-statement policies. */
final class Policies {
    private Policies() {}

    /** The text with ' turned into ", so that policies read naturally inside Java strings. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** A 2012-10-17 policy with one statement, given as the statement's members. */
    static String statement(String members) {
        return json("{'Version':'2012-10-17','Statement':{" + members + "}}");
    }

    static ValidationReport identity(String text) {
        return PolicyValidator.validate(text, PolicyType.IDENTITY);
    }

    static ValidationReport validate(String text, PolicyType type) {
        return PolicyValidator.validate(text, type);
    }

    static List<Finding> withCode(ValidationReport r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }
}
