package org.feewatch.disclosure.internal.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.feewatch.api.spi.SourceException;

/**
 * Which URLs may be fetched. Always: http and https only. In restricted (serve) mode, where cases
 * come from other people, also: the host must be on the allow-list, and no address it resolves to
 * may be loopback, link-local, private or otherwise internal unless the configuration names it.
 */
final class HostPolicy {

    /** Resolves a host name; replaceable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        /**
         * The system resolver, bounded: a lookup that takes longer than {@code limit} fails
         * (the lookup thread is left to the resolver's own timeout, but the fetch goes on).
         */
        static Resolver bounded(java.time.Duration limit) {
            return host -> {
                java.util.concurrent.CompletableFuture<InetAddress[]> lookup = new java.util.concurrent.CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        lookup.complete(InetAddress.getAllByName(host));
                    } catch (UnknownHostException | RuntimeException e) {
                        lookup.completeExceptionally(e);
                    }
                }, "feewatch-dns");
                t.setDaemon(true);
                t.start();
                try {
                    return lookup.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new UnknownHostException(host + " (lookup timed out)");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof UnknownHostException u ? u : new UnknownHostException(host);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnknownHostException(host + " (interrupted)");
                }
            };
        }
    }

    private final List<String> allowedHosts;
    private final List<String> allowedPrivate;
    private final Resolver resolver;

    HostPolicy(List<String> allowedHosts, List<String> allowedPrivate, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.allowedPrivate = allowedPrivate.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.resolver = resolver;
    }

    /** Throws with the reason when {@code uri} may not be fetched. */
    void check(URI uri, boolean restricted) throws SourceException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceException(scheme.isEmpty() ? "not an absolute http or https URL"
                    : "unsupported scheme " + scheme + ": only http and https are fetched");
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            throw new SourceException("URL has no host");
        }
        if (!restricted) {
            return;
        }
        if (!onAllowList(host)) {
            throw new SourceException("host " + host + " is not on the allow-list");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            boolean slow = e.getMessage() != null && e.getMessage().endsWith("(lookup timed out)");
            throw new SourceException(slow ? "DNS lookup of " + host + " timed out" : "host not found: " + host);
        }
        if (allowedPrivate.contains(host)) {
            return;
        }
        for (InetAddress a : addresses) {
            String kind = internalKind(a);
            if (kind != null && !privateAllowed(a)) {
                throw new SourceException("refused: " + a.getHostAddress() + (kind.startsWith("u") ? " is an " : " is a ") + kind + " address");
            }
        }
    }

    /** The host in lower case, without IPv6 brackets. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private boolean onAllowList(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.")) {
                String domain = allowed.substring(2);
                if (host.equals(domain) || host.endsWith("." + domain)) {
                    return true;
                }
            } else if (allowed.equals(host)) {
                return true;
            }
        }
        return false;
    }

    private boolean privateAllowed(InetAddress a) {
        for (String entry : allowedPrivate) {
            if (entry.contains("/") ? inBlock(a, entry) : entry.equals(a.getHostAddress().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** What kind of internal address {@code a} is, or null for a public one. */
    static String internalKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xFF;
            int b1 = b[1] & 0xFF;
            if (b0 == 0) {
                return "unspecified";
            }
            if (b0 == 100 && b1 >= 64 && b1 < 128) {
                return "shared (carrier-grade NAT)";
            }
            if (b0 == 198 && (b1 == 18 || b1 == 19)) {
                return "private";
            }
            if (b0 >= 240) {
                return "reserved";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "private";
            }
            if (isV4Embedded(b)) {
                try {
                    return internalKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
        }
        return null;
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses carry an IPv4 address. */
    private static boolean isV4Embedded(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0);
    }

    static boolean inBlock(InetAddress a, String cidr) {
        try {
            int slash = cidr.indexOf('/');
            byte[] net = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1).strip());
            byte[] addr = a.getAddress();
            if (net.length != addr.length || bits < 0 || bits > addr.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
