package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code Marker} of List* operations (IAM API Reference: "Use this parameter only when paginating results and
 * only after you receive a response indicating that the results are truncated"): an opaque token, base64url of a
 * versioned prefix and the sort key of the last item returned. One codec for the store's keyset paging and the
 * services' paging of lists held in memory, so that a marker from either reads the same.
 */
public final class PageMarkers {

    private static final String PREFIX = "m1:";

    private PageMarkers() {
    }

    /**
     * The sort key after which the requested page starts, or null for the first page.
     *
     * @throws IamException InvalidInput for a marker this codec did not write
     */
    public static String after(PageRequest page) {
        if (page.marker() == null || page.marker().isEmpty()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(page.marker()), StandardCharsets.UTF_8);
            if (s.startsWith(PREFIX)) {
                return s.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // not base64url: not ours either
        }
        throw IamException.invalidInput("Invalid Marker: " + page.marker());
    }

    /** The marker of a page whose last item has this sort key. */
    public static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + sortKey).getBytes(StandardCharsets.UTF_8));
    }
}
