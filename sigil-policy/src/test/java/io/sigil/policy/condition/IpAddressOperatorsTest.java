package io.sigil.policy.condition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.sigil.policy.condition.Cond.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM User Guide, Condition operators, "IP address condition operators": IPv4 or IPv6 CIDR ("203.0.113.0/24 or
 * 2001:DB8:1234:5678::/64"); a bare address is one host.
 */
class IpAddressOperatorsTest {

    @Test
    void ipAddress_containsBothEndsOfTheRange_andNothingBeyond() {
        Cond c = op("IpAddress", "203.0.113.0/24");
        assertThat(c.holds("203.0.113.0")).isTrue();
        assertThat(c.holds("203.0.113.255")).isTrue();
        assertThat(c.holds("203.0.112.255")).isFalse();
        assertThat(c.holds("203.0.114.0")).isFalse();
    }

    @Test
    void ipAddress_prefixLengths_atTheirBoundaries() {
        assertThat(op("IpAddress", "128.0.0.0/1").holds("255.255.255.255")).isTrue();
        assertThat(op("IpAddress", "128.0.0.0/1").holds("127.255.255.255")).isFalse();
        assertThat(op("IpAddress", "192.0.2.6/31").holds("192.0.2.7")).isTrue();
        assertThat(op("IpAddress", "192.0.2.6/31").holds("192.0.2.8")).isFalse();
        assertThat(op("IpAddress", "192.0.2.7/32").holds("192.0.2.7")).isTrue();
        assertThat(op("IpAddress", "192.0.2.7/32").holds("192.0.2.6")).isFalse();
        assertThat(op("IpAddress", "0.0.0.0/0").holds("8.8.8.8")).isTrue();
    }

    @Test
    void aBareIpv4Address_isASlash32() {
        assertThat(op("IpAddress", "203.0.113.7").holds("203.0.113.7")).isTrue();
        assertThat(op("IpAddress", "203.0.113.7").holds("203.0.113.8")).isFalse();
    }

    @Test
    void hostBitsInThePolicyCidr_areIgnored() {
        assertThat(op("IpAddress", "203.0.113.77/24").holds("203.0.113.1")).isTrue();
    }

    @Test
    void ipv6Cidr_containsItsRange_inAnyTextForm() {
        Cond c = op("IpAddress", "2001:DB8:1234:5678::/64");
        assertThat(c.holds("2001:db8:1234:5678::1")).isTrue();
        assertThat(c.holds("2001:0db8:1234:5678:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(c.holds("2001:db8:1234:5679::")).isFalse();
        assertThat(c.holds("2001:db8:1234:5677:ffff:ffff:ffff:ffff")).isFalse();
    }

    @Test
    void aBareIpv6Address_isASingleHost() {
        assertThat(op("IpAddress", "2001:db8::1").holds("2001:DB8:0:0:0:0:0:1")).isTrue();
        assertThat(op("IpAddress", "2001:db8::1").holds("2001:db8::2")).isFalse();
    }

    @Test
    void ipv6Prefixes_atTheirBoundaries() {
        assertThat(op("IpAddress", "::/0").holds("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(op("IpAddress", "2001:db8::/127").holds("2001:db8::1")).isTrue();
        assertThat(op("IpAddress", "2001:db8::/127").holds("2001:db8::2")).isFalse();
        assertThat(op("IpAddress", "2001:db8::/128").holds("2001:db8::")).isTrue();
    }

    @ParameterizedTest(name = "IPv6 form {0} is the address 2001:db8:0:0:1:0:0:1")
    @ValueSource(strings = {"2001:db8::1:0:0:1", "2001:DB8:0:0:1::1", "2001:0db8:0000:0000:0001:0000:0000:0001",
        "2001:db8:0:0:1:0:0.0.0.1"})
    void ipv6TextForms_areOneAddress(String text) {
        assertThat(op("IpAddress", "2001:db8:0:0:1:0:0:1").holds(text)).isTrue();
    }

    @Test
    void anIpv4MappedIpv6RequestAddress_isTheIpv4AddressItMaps() {
        // A dual-stack front end may report an IPv4 client as ::ffff:a.b.c.d; an IPv4 Deny must still catch it.
        assertThat(op("IpAddress", "203.0.113.0/24").holds("::ffff:203.0.113.7")).isTrue();
        assertThat(op("IpAddress", "203.0.113.0/24").holds("::FFFF:cb00:7107")).isTrue();
        assertThat(op("NotIpAddress", "203.0.113.0/24").holds("::ffff:203.0.113.7")).isFalse();
        assertThat(op("IpAddress", "203.0.113.0/24").holds("::ffff:198.51.100.1")).isFalse();
    }

    @Test
    void anIpv4MappedPolicyCidr_isTheIpv4NetworkItMaps() {
        assertThat(op("IpAddress", "::ffff:203.0.113.0/120").holds("203.0.113.9")).isTrue();
        assertThat(op("IpAddress", "::ffff:203.0.113.0/120").holds("203.0.114.9")).isFalse();
        assertThat(op("IpAddress", "::ffff:0:0/96").holds("8.8.8.8")).isTrue();
    }

    @Test
    void ipv4AndIpv6_areSeparateFamilies() {
        assertThat(op("IpAddress", "0.0.0.0/0").holds("2001:db8::1")).isFalse();
        assertThat(op("IpAddress", "::/0").holds("203.0.113.7")).isFalse();
        assertThat(op("IpAddress", "203.0.113.0/24", "2001:db8::/32").holds("2001:db8::1")).isTrue();
    }

    @Test
    void notIpAddress_withSeveralValues_holdsOnlyOutsideAllOfThem() {
        // Spec §10: "Denies access to AWS based on the source IP" lists two CIDRs: deny outside both.
        Cond c = op("NotIpAddress", "192.0.2.0/24", "203.0.113.0/24");
        assertThat(c.holds("198.51.100.1")).isTrue();
        assertThat(c.holds("192.0.2.1")).isFalse();
        assertThat(c.holds("203.0.113.1")).isFalse();
    }

    @ParameterizedTest(name = "request value \"{0}\" is no address and matches nothing")
    @ValueSource(strings = {"", "203.0.113", "203.0.113.7.1", "203.0.113.256", "203.0.113.07", "203.0.113.7/32",
        " 203.0.113.7", "203.0.113.7 ", "localhost", "fe80::1%eth0", "1::2::3", ":::", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", "12345::", "::g", "\u0662\u0660\u0663.0.113.7", "0x7f.0.0.1"})
    void aRequestValueThatIsNoAddress_matchesNothing(String value) {
        assertThat(op("IpAddress", "0.0.0.0/0", "::/0").holds(value)).isFalse();
        assertThat(op("NotIpAddress", "0.0.0.0/0", "::/0").holds(value)).as("negated: no value matched").isTrue();
    }

    @ParameterizedTest(name = "policy value \"{0}\" cannot be read: an Allow does not apply, a Deny does")
    @ValueSource(strings = {"", "203.0.113.0/33", "2001:db8::/129", "203.0.113.0/", "203.0.113.0/-1",
        "203.0.113.0/08", "010.0.0.0/8", "203.0.113.*", "203.0.113.0-203.0.113.9", "example.com",
        "${aws:SourceIp}"})
    void aPolicyValueThatIsNoCidr_failsClosed(String policyValue) {
        assertThat(op("IpAddress", policyValue).holds("203.0.113.7")).isFalse();
        assertThat(op("NotIpAddress", policyValue).holds("203.0.113.7")).isFalse();
        assertThat(op("NotIpAddress", policyValue).holdsInDeny("203.0.113.7")).isTrue();
    }

    @Test
    void theParser_acceptsPrefix0_andLeadingAndTrailingSpaceInPolicyValues() {
        assertThat(IpAddressOperators.Cidr.parse("10.0.0.0/0")).isNotNull();
        assertThat(IpAddressOperators.Cidr.parse(" 10.0.0.0/8 ")).isNotNull();
        assertThat(IpAddressOperators.parseAddress("0.0.0.0")).containsExactly(0, 0, 0, 0);
    }

    @Test
    void ipAddress_onAnAbsentKey_isFalse_andNotIpAddress_isTrue() {
        // aws:SourceIp is absent for requests through a VPC endpoint.
        assertThat(op("IpAddress", "203.0.113.0/24").holdsWhenAbsent()).isFalse();
        assertThat(op("NotIpAddress", "203.0.113.0/24").holdsWhenAbsent()).isTrue();
        assertThat(op("IpAddressIfExists", "203.0.113.0/24").holdsWhenAbsent()).isTrue();
    }
}
