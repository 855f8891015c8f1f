package io.sigil.iam.service;

import io.sigil.policy.PolicyValidator;

/** Policy documents of an exact size as IAM counts it (non-whitespace characters). */
final class Documents {

    private static final String HEAD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::";
    private static final String TAIL = "\"}]}";

    private Documents() {
    }

    /** A valid identity policy of exactly {@code size} non-whitespace characters. */
    static String ofSize(int size) {
        int pad = size - HEAD.length() - TAIL.length() - 1;
        if (pad < 0) {
            throw new IllegalArgumentException("too small: " + size);
        }
        String doc = HEAD + "b" + "x".repeat(pad) + TAIL;
        if (PolicyValidator.nonWhitespaceSize(doc) != size) {
            throw new AssertionError("size arithmetic");
        }
        return doc;
    }

    /** The same document with whitespace between its tokens, which IAM does not count. */
    static String spaced(String doc) {
        return doc.replace("{", "{\n  ").replace(",\"", ",\n  \"").replace("}", "\n}").replace("\":", "\" : ");
    }
}
