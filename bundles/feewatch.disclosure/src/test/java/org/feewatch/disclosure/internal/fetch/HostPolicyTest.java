package org.feewatch.disclosure.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.feewatch.api.spi.SourceException;
import org.junit.jupiter.api.Test;

class HostPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "www.bank.cn", "203.0.113.10",
            "fees.bank.cn", "203.0.113.11",
            "intranet.bank.cn", "10.1.2.3",
            "router.bank.cn", "192.168.1.1",
            "metadata.bank.cn", "169.254.169.254",
            "cgnat.bank.cn", "100.64.0.1",
            "v6local.bank.cn", "fd00::1",
            "mapped.bank.cn", "::ffff:127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress())};
    }

    private static HostPolicy policy(List<String> hosts, List<String> privates) {
        return new HostPolicy(hosts, privates, HostPolicyTest::resolve);
    }

    private static String refusal(HostPolicy p, String url) {
        return assertThrows(SourceException.class, () -> p.check(URI.create(url), true)).getMessage();
    }

    @Test
    void allowListTakesExactHostsAndDomains() {
        HostPolicy p = policy(List.of("www.bank.cn", "*.bank.cn"), List.of());
        assertDoesNotThrow(() -> p.check(URI.create("https://www.bank.cn/fees.html"), true));
        assertDoesNotThrow(() -> p.check(URI.create("https://FEES.bank.cn/fees.html"), true));
        assertEquals("host evil.example is not on the allow-list", refusal(p, "https://evil.example/"));
        assertEquals("host bank.cn.evil.example is not on the allow-list", refusal(p, "https://bank.cn.evil.example/"));
    }

    @Test
    void emptyAllowListRefusesEveryHostInServeMode() {
        assertEquals("host www.bank.cn is not on the allow-list", refusal(policy(List.of(), List.of()), "https://www.bank.cn/"));
    }

    @Test
    void internalAddressesAreRefusedEvenOnTheAllowList() {
        HostPolicy p = policy(List.of("*.bank.cn"), List.of());
        assertEquals("refused: 10.1.2.3 is a private address", refusal(p, "http://intranet.bank.cn/"));
        assertEquals("refused: 192.168.1.1 is a private address", refusal(p, "http://router.bank.cn/"));
        assertEquals("refused: 169.254.169.254 is a link-local address", refusal(p, "http://metadata.bank.cn/"));
        assertEquals("refused: 100.64.0.1 is a shared (carrier-grade NAT) address", refusal(p, "http://cgnat.bank.cn/"));
        assertEquals("refused: fd00:0:0:0:0:0:0:1 is a private address", refusal(p, "http://v6local.bank.cn/"));
        assertEquals("refused: 127.0.0.1 is a loopback address", refusal(p, "http://mapped.bank.cn/"));
    }

    @Test
    void literalAddressesAreCheckedToo() {
        HostPolicy p = new HostPolicy(List.of("127.0.0.1", "::1", "0.0.0.0"), List.of(), InetAddress::getAllByName);
        assertEquals("refused: 127.0.0.1 is a loopback address", refusal(p, "http://127.0.0.1:8000/"));
        assertEquals("refused: 0:0:0:0:0:0:0:1 is a loopback address", refusal(p, "http://[::1]:8000/"));
        assertEquals("refused: 0.0.0.0 is an unspecified address", refusal(p, "http://0.0.0.0/"));
    }

    @Test
    void configurationCanNameInternalHostsAddressesAndBlocks() {
        HostPolicy byName = policy(List.of("*.bank.cn"), List.of("intranet.bank.cn"));
        assertDoesNotThrow(() -> byName.check(URI.create("http://intranet.bank.cn/"), true));
        HostPolicy byBlock = policy(List.of("*.bank.cn"), List.of("10.0.0.0/8"));
        assertDoesNotThrow(() -> byBlock.check(URI.create("http://intranet.bank.cn/"), true));
        assertEquals("refused: 192.168.1.1 is a private address", refusal(byBlock, "http://router.bank.cn/"));
        HostPolicy byAddress = policy(List.of("*.bank.cn"), List.of("192.168.1.1"));
        assertDoesNotThrow(() -> byAddress.check(URI.create("http://router.bank.cn/"), true));
    }

    @Test
    void unknownHostIsNamed() {
        assertEquals("host not found: nowhere.bank.cn", refusal(policy(List.of("*.bank.cn"), List.of()), "http://nowhere.bank.cn/"));
    }

    @Test
    void slowLookupIsBoundedAndNamed() {
        HostPolicy p = new HostPolicy(List.of("*.bank.cn"), List.of(), host -> {
            throw new UnknownHostException(host + " (lookup timed out)");
        });
        assertEquals("DNS lookup of slow.bank.cn timed out", refusal(p, "http://slow.bank.cn/"));
    }

    @Test
    void boundedResolverResolvesLiterals() throws UnknownHostException {
        InetAddress[] a = HostPolicy.Resolver.bounded(java.time.Duration.ofSeconds(5)).resolve("127.0.0.1");
        assertEquals("127.0.0.1", a[0].getHostAddress());
    }

    @Test
    void commandLineModeChecksOnlyTheScheme() {
        HostPolicy p = policy(List.of(), List.of());
        assertDoesNotThrow(() -> p.check(URI.create("http://intranet.bank.cn/"), false));
        SourceException e = assertThrows(SourceException.class, () -> p.check(URI.create("gopher://x/"), false));
        assertEquals("unsupported scheme gopher: only http and https are fetched", e.getMessage());
    }
}
