package io.sigil.server.sigv4.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @Test
    void derivedKey_isTheOneOfTheAwsDocsExample() {
        // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
        assertThat(Hashing.hex(SigningKeys.derive(SECRET, "20120215", "us-east-1", "iam")))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void cachedKey_isTheSameKeyAndTheCacheIsBoundedAtItsCapacity() {
        SigningKeys keys = new SigningKeys(2);
        byte[] first = keys.signingKey(SECRET, "20120215", "us-east-1", "iam");
        assertThat(keys.signingKey(SECRET, "20120215", "us-east-1", "iam")).isSameAs(first);
        keys.signingKey(SECRET, "20120216", "us-east-1", "iam");
        keys.signingKey(SECRET, "20120217", "us-east-1", "iam");
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.signingKey(SECRET, "20120215", "us-east-1", "iam")).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void cacheOfCapacityZero_keepsNothing() {
        SigningKeys keys = new SigningKeys(0);
        keys.signingKey(SECRET, "20120215", "us-east-1", "iam");
        assertThat(keys.size()).isZero();
    }

    @Test
    void keysDifferByEveryScopePartAndSecret() {
        SigningKeys keys = new SigningKeys(16);
        byte[] base = keys.signingKey(SECRET, "20120215", "us-east-1", "iam");
        assertThat(keys.signingKey(SECRET, "20120215", "aws-global", "iam")).isNotEqualTo(base);
        assertThat(keys.signingKey(SECRET, "20120215", "us-east-1", "sts")).isNotEqualTo(base);
        assertThat(keys.signingKey(SECRET + "x", "20120215", "us-east-1", "iam")).isNotEqualTo(base);
        assertThat(keys.size()).isEqualTo(4);
    }
}
