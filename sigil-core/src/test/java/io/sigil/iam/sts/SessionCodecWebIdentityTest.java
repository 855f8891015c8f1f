package io.sigil.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web identity block of a session payload: round trip, and sessions without it keep their exact old bytes. */
class SessionCodecWebIdentityTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Session session(WebIdentityContext w) {
        return new Session(SessionKind.ASSUMED_ROLE, "123456789012", "ASIAEXAMPLE", "arn:aws:iam::123456789012:role/r",
                "AROAEXAMPLE", "s", NOW, NOW.plusSeconds(3600), null, null, List.of(), List.of(), List.of(), null,
                false, w);
    }

    @Test
    void aWebIdentitySession_roundTrips_withItsProviderAndKeysInOrder() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("idp.example.com:aud", List.of("app"));
        keys.put("idp.example.com:sub", List.of("user-1"));
        keys.put("idp.example.com:amr", List.of("authenticated", "mfa"));
        Session s = session(new WebIdentityContext("arn:aws:iam::123456789012:oidc-provider/idp.example.com", keys));

        Session back = SessionCodec.decode(SessionCodec.encode(s));

        assertThat(back).isEqualTo(s);
        assertThat(back.webIdentity().keys().keySet()).containsExactly("idp.example.com:aud", "idp.example.com:sub",
                "idp.example.com:amr");
    }

    @Test
    void aSessionWithoutWebIdentity_endsAfterTheChainedFlag_asVersionOnePayloadsAlwaysDid() {
        byte[] bytes = SessionCodec.encode(session(null));

        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 0);
        assertThat(SessionCodec.decode(bytes).webIdentity()).isNull();
    }

    @Test
    void anUnknownBlockAfterTheChainedFlag_isRejected() {
        byte[] bytes = SessionCodec.encode(session(null));
        byte[] more = Arrays.copyOf(bytes, bytes.length + 1);
        more[bytes.length] = 7;

        assertThatThrownBy(() -> SessionCodec.decode(more)).isInstanceOf(IllegalArgumentException.class);
    }
}
