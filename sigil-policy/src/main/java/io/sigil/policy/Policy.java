package io.sigil.policy;

import java.util.List;

/**
 * A parsed policy document: the submitted text byte for byte, and its statements. {@code version} is the text of
 * the {@code Version} element or null when absent (IAM then reads 2008-10-17, where policy variables are literal
 * text: IAM JSON policy elements: Version).
 */
public record Policy(String text, String version, String id, List<Statement> statements) {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public Policy {
        statements = List.copyOf(statements);
    }

    /** Policy variables are substituted only under Version 2012-10-17. */
    public boolean variablesEnabled() {
        return VERSION_2012.equals(version);
    }
}
