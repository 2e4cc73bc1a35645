package co.plaza.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code PLAZA_TRUSTED_PROXIES}: addresses and CIDRs,
 * comma-separated, none by default), and the client address that follows from a connection's peer and that header.
 * Each proxy appends the address it saw, so the header is read from the right: past every trusted proxy, the first
 * hop that is not one is the client; whatever stands left of it was written by that client and means nothing.
 * Only IP literals are parsed, never looked up, so no header makes a DNS query.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    /** Longest text kept of a hop that is not an address (it only ever serves as a rate-limit key). */
    private static final int MAX_OPAQUE = 64;

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** @throws IllegalArgumentException naming the first entry that is not an address or a CIDR */
    public static TrustedProxies parse(String commaSeparated) {
        List<Range> ranges = new ArrayList<>();
        if (commaSeparated != null) {
            for (String entry : commaSeparated.split(",")) {
                String text = entry.strip();
                if (text.isEmpty()) {
                    continue;
                }
                int slash = text.indexOf('/');
                byte[] address = literal(slash < 0 ? text : text.substring(0, slash))
                        .map(InetAddress::getAddress)
                        .orElseThrow(() -> new IllegalArgumentException("PLAZA_TRUSTED_PROXIES: not an address or CIDR: " + text));
                int prefix = address.length * 8;
                if (slash >= 0) {
                    try {
                        prefix = Integer.parseInt(text.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        prefix = -1;
                    }
                    if (prefix < 0 || prefix > address.length * 8) {
                        throw new IllegalArgumentException("PLAZA_TRUSTED_PROXIES: bad prefix length: " + text);
                    }
                }
                ranges.add(new Range(address, prefix));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        return literal(address).map(a -> trusts(a.getAddress())).orElse(false);
    }

    private boolean trusts(byte[] address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    /**
     * The client's address for a connection from {@code peer} carrying these {@code X-Forwarded-For} values (each
     * possibly a comma-separated list, in header order): the peer itself unless it is a trusted proxy, else the
     * right-most hop that is not one (the left-most when every hop is trusted).
     */
    public String client(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = literal(peer);
        String client = peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        if (peerAddress.isEmpty() || !trusts(peerAddress.get().getAddress())) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // what a trusted proxy wrote that is no address ("unknown", an obfuscated node): that hop is the client
                String opaque = hops.get(i);
                return opaque.length() > MAX_OPAQUE ? opaque.substring(0, MAX_OPAQUE) : opaque;
            }
            client = hop.get().getHostAddress();
            if (!trusts(hop.get().getAddress())) {
                return client;
            }
        }
        return client;
    }

    /** An IPv4 or IPv6 literal, bracketed or not, with an optional port or zone; never a name lookup. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            s = s.substring(1, end);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        try {
            if (IPV4.matcher(s).matches()) {
                String[] parts = s.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
                // brackets make the JDK insist on a literal: an invalid one fails instead of being looked up
                return Optional.of(InetAddress.getByName("[" + s + "]"));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
