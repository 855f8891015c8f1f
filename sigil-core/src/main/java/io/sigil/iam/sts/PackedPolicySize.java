package io.sigil.iam.sts;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import io.sigil.policy.PolicyValidator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;

/**
 * {@code PackedPolicySize}: "A percentage value that indicates the packed size of the session policies and session
 * tags combined passed in the request", and PackedPolicyTooLarge past 100% (AWS STS API Reference, AssumeRole,
 * GetFederationToken). AWS compresses the policies, policy ARNs and tags "into a packed binary format that has a
 * separate limit" and does not publish the format; Sigil's model is DEFLATE over the policy without JSON whitespace,
 * the ARNs and the tags, against a budget of {@value #BUDGET_BYTES} bytes. Like AWS's, it makes policies with many
 * distinct actions cost more than repetitive ones of the same length, so a plain text under 2,048 characters can
 * still be too large.
 */
public final class PackedPolicySize {
    /** Sigil's packed budget, in bytes of compressed output. */
    public static final int BUDGET_BYTES = 1024;

    private PackedPolicySize() {
    }

    /** The packed size as a whole percentage of the budget, rounded up. */
    public static int percent(String policy, List<String> policyArns, List<Tag> tags) {
        StringBuilder sb = new StringBuilder();
        if (policy != null) {
            sb.append(minify(policy));
        }
        for (String arn : policyArns) {
            sb.append('\n').append(arn);
        }
        for (Tag t : tags) {
            sb.append('\n').append(t.key()).append('=').append(t.value());
        }
        if (sb.length() == 0) {
            return 0;
        }
        int packed = deflatedLength(sb.toString().getBytes(StandardCharsets.UTF_8));
        return (int) Math.ceil(packed * 100.0 / BUDGET_BYTES);
    }

    /** The percentage, or PackedPolicyTooLarge "Packed policy consumes N% of allotted space" over 100. */
    public static int check(String policy, List<String> policyArns, List<Tag> tags) {
        int p = percent(policy, policyArns, tags);
        if (p > 100) {
            throw new IamException(ErrorCode.PACKED_POLICY_TOO_LARGE,
                    "Packed policy consumes " + p + "% of allotted space");
        }
        return p;
    }

    private static int deflatedLength(byte[] input) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(input);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.size();
        } finally {
            d.end();
        }
    }

    /** The policy without JSON whitespace outside strings, as IAM counts a policy's size. */
    static String minify(String json) {
        return PolicyValidator.withoutWhitespace(json);
    }
}
