package org.finbridge.webhooks.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Addresses a webhook must never reach, so that a merchant's endpoint URL cannot be used to make the
 * platform call into its own network (server-side request forgery, OWASP API7:2023): private networks,
 * loopback, link-local (where the clouds' instance metadata answers: 169.254.169.254 on AWS, GCP,
 * Azure, Oracle; fd00:ec2::254 on AWS IPv6), carrier-grade NAT (Alibaba Cloud's metadata
 * 100.100.100.200), unspecified, multicast and reserved ranges. IPv6 addresses that embed an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address inside.
 */
final class BlockedAddresses {

    private record Range(byte[] network, int prefixBits, String why) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0/8", "unspecified (this network)"),
            range("10.0.0.0/8", "private (RFC 1918)"),
            range("100.64.0.0/10", "carrier-grade NAT (RFC 6598)"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local (cloud metadata)"),
            range("172.16.0.0/12", "private (RFC 1918)"),
            range("192.0.0.0/24", "IETF protocol assignments (RFC 6890)"),
            range("192.168.0.0/16", "private (RFC 1918)"),
            range("198.18.0.0/15", "benchmarking (RFC 2544)"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved or broadcast"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("fc00::/7", "unique local (private)"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local (private)"),
            range("ff00::/8", "multicast"));

    /** IPv6 prefixes whose address carries an IPv4 address in its last four bytes. */
    private static final List<Range> EMBEDDING_IPV4_AT_END = List.of(
            range("::ffff:0:0/96", "IPv4-mapped"),
            range("::/96", "IPv4-compatible"),
            range("64:ff9b::/96", "NAT64"),
            range("64:ff9b:1::/48", "local NAT64"));

    private static final Range SIX_TO_FOUR = range("2002::/16", "6to4");

    private BlockedAddresses() {
    }

    /** Why the address is refused, or empty when a webhook may go there. */
    static Optional<String> why(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return match(IPV4, bytes);
        }
        if (address instanceof Inet6Address) {
            Optional<String> direct = match(IPV6, bytes);
            if (direct.isPresent()) {
                return direct;
            }
            for (Range embedding : EMBEDDING_IPV4_AT_END) {
                if (embedding.contains(bytes)) {
                    return match(IPV4, Arrays.copyOfRange(bytes, 12, 16)).map(w -> w + " in " + embedding.why());
                }
            }
            if (SIX_TO_FOUR.contains(bytes)) {
                return match(IPV4, Arrays.copyOfRange(bytes, 2, 6)).map(w -> w + " in 6to4");
            }
            return Optional.empty();
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> match(List<Range> ranges, byte[] address) {
        return ranges.stream().filter(r -> r.contains(address)).map(Range::why).findFirst();
    }

    private static Range range(String cidr, String why) {
        int slash = cidr.indexOf('/');
        try {
            // literals only: InetAddress does not consult DNS for them
            byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            if (cidr.startsWith("::ffff:")) {
                network = mappedPrefix();
            }
            return new Range(network, Integer.parseInt(cidr.substring(slash + 1)), why);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr, e);
        }
    }

    /** ::ffff:0:0 as 16 bytes; InetAddress would turn the literal into an IPv4 address. */
    private static byte[] mappedPrefix() {
        byte[] b = new byte[16];
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFF;
        return b;
    }
}
