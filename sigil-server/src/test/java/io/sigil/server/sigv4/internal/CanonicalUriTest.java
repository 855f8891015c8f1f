package io.sigil.server.sigv4.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalUriTest {

    @ParameterizedTest(name = "path {0} canonicalises to {1}")
    @CsvSource(delimiter = '|', value = {
            "''|/",
            "/|/",
            "//|/",
            "/./|/",
            "/example/..|/",
            "/example/.|/example/",
            "/a/b/../c|/a/c",
            "/../a|/a",
            "//example//|/example/",
            "/a%20b|/a%2520b",
            "/a%2Fb/|/a%252Fb/",
            "/a b|/a%20b",
            "/a+b=c|/a%2Bb%3Dc",
            "/-._~|/-._~"})
    void pathsAreNormalisedThenEncodedOnceMoreAsNonS3ServicesRequire(String rawPath, String canonical) {
        assertThat(CanonicalUri.of(rawPath)).isEqualTo(canonical);
    }
}
