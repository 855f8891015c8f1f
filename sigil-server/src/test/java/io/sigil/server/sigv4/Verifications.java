package io.sigil.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on verification results. */
final class Verifications {
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private Verifications() {
    }

    static <C extends SigningCredential> Verification.Verified<C> verified(Verification<C> result) {
        assertThat(result).as("verification result").isInstanceOf(Verification.Verified.class);
        return (Verification.Verified<C>) result;
    }

    static <C extends SigningCredential> SigV4Error rejected(Verification<C> result) {
        assertThat(result).as("verification result").isInstanceOf(Verification.Rejected.class);
        return ((Verification.Rejected<C>) result).error();
    }

    static <C extends SigningCredential> void assertRejected(Verification<C> result, SigV4ErrorCode code,
                                                             String message) {
        SigV4Error error = rejected(result);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.message()).isEqualTo(message);
        assertThat(error.httpStatus()).isEqualTo(code.httpStatus());
        assertThat(error.type()).isEqualTo("Sender");
    }
}
