package io.sigil.server.sigv4;

import java.util.Objects;

/** One HTTP header field as received: the name keeps its case, the value is the raw field value. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
