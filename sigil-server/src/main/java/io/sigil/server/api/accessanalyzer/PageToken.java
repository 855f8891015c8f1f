package io.sigil.server.api.accessanalyzer;

import io.sigil.server.rest.RestJsonException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * ValidatePolicy's {@code nextToken}: where the next page starts, bound to the request it came from (a digest of
 * the policy type, resource type and document), so that a token used with another policy is refused rather than
 * paging through the wrong findings. Validation is deterministic, so no state is kept between pages.
 */
final class PageToken {
    private static final String VERSION = "v1";

    private PageToken() {}

    static String encode(int start, ValidatePolicyOperation.Input in) {
        String raw = VERSION + ":" + start + ":" + digest(in);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The start index the token names, or ValidationException when it is not a token for this request. */
    static int decode(String token, ValidatePolicyOperation.Input in) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String[] p = raw.split(":", 3);
            if (p.length == 3 && p[0].equals(VERSION) && MessageDigest.isEqual(
                    p[2].getBytes(StandardCharsets.US_ASCII), digest(in).getBytes(StandardCharsets.US_ASCII))) {
                int start = Integer.parseInt(p[1]);
                if (start >= 0) {
                    return start;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw RestJsonException.fieldValidation(List.of(new RestJsonException.Field("nextToken",
                "Value at 'nextToken' failed to satisfy constraint: Member must be a token returned by a previous"
                        + " ValidatePolicy call with the same policy")));
    }

    private static String digest(ValidatePolicyOperation.Input in) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((in.policyType() + "\n" + in.resourceType() + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(in.document().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
