package io.sigil.server.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an {@code application/x-www-form-urlencoded} body or a URL query string into Query parameters:
 * names and values percent-decoded ({@code +} is a space), each name with its values in arrival order.
 *
 * <p>IAM and STS accept the same parameters in a GET query string or a POST form body (IAM API Reference,
 * "Making Query requests").
 */
public final class FormParameters {
    private FormParameters() {
    }

    /**
     * The parameters of {@code encoded}; an empty or null string has none.
     *
     * @throws ProtocolException MalformedQueryString for a broken percent escape
     */
    public static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        params.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.malformedQueryString("The query string contains a malformed escape: " + text);
        }
    }
}
