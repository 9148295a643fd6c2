package org.finbridge.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.webhooks.AttemptOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the default configuration webhooks never reach the platform's own network: not at registration,
 * and not at delivery when a public name later resolves inward (DNS rebinding).
 */
class SsrfTargetsRefusedTest {

    final WebhookProperties defaults = WebhookProperties.defaults();
    final TargetPolicy policy = new TargetPolicy(defaults.allowPrivateTargets(), defaults.allowPlainHttp(), HostResolver.SYSTEM);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook",
            "https://127.8.9.10:8443/hook",
            "https://10.0.0.5/hook",
            "https://10.255.255.255/hook",
            "https://172.16.0.1/hook",
            "https://172.31.255.254/hook",
            "https://192.168.1.1/hook",
            "https://169.254.169.254/latest/meta-data/",
            "https://169.254.1.1/hook",
            "https://100.64.0.1/hook",
            "https://100.100.100.200/latest/meta-data/",
            "https://0.0.0.0/hook",
            "https://224.0.0.1/hook",
            "https://255.255.255.255/hook",
            "https://[::1]/hook",
            "https://[::]/hook",
            "https://[fc00::1]/hook",
            "https://[fd00:ec2::254]/latest/meta-data/",
            "https://[fe80::1]/hook",
            "https://[ff02::1]/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:a9fe:a9fe]/hook",
            "https://[64:ff9b::a00:1]/hook",
            "https://[2002:7f00:1::]/hook",
            "https://localhost/hook",
            "https://localhost:8080/hook",
            "https://LOCALHOST./hook",
            "https://api.localhost/hook",
            "https://2130706433/hook",
    })
    void privateLoopbackLinkLocalAndMetadataTargetsAreRefusedAtRegistration(String url) {
        assertThat(policy.checkRegistration(url)).as(url).isInstanceOf(TargetCheck.Refused.class);
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedBecauseOfWhereItResolves() {
        TargetPolicy resolving = new TargetPolicy(false, false, table(Map.of("hooks.merchant.test", "127.0.0.1")));
        assertThat(resolving.checkRegistration("https://hooks.merchant.test/finbridge"))
                .isInstanceOf(TargetCheck.Refused.class)
                .extracting(c -> ((TargetCheck.Refused) c).reason()).asString().contains("127.0.0.1", "loopback");
    }

    @Test
    void everyAddressOfANameMustBeAllowedSinceTheClientMayUseAnyOfThem() {
        TargetPolicy resolving = new TargetPolicy(false, false,
                host -> new InetAddress[]{InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")});
        assertThat(resolving.checkRegistration("https://mixed.merchant.test/hook")).isInstanceOf(TargetCheck.Refused.class);
    }

    @Test
    void plainHttpIsRefusedUnlessConfigured() {
        assertThat(policy.checkRegistration("http://93.184.215.14/hook")).isInstanceOf(TargetCheck.Refused.class);
        assertThat(new TargetPolicy(false, true, HostResolver.SYSTEM).checkRegistration("http://93.184.215.14/hook"))
                .isInstanceOf(TargetCheck.Allowed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "/relative/path", "ftp://93.184.215.14/x", "file:///etc/passwd",
            "javascript:alert(1)", "https://user:pw@93.184.215.14/hook", "https://93.184.215.14/hook#frag", "https:///nohost",
            "https://127.1/hook"})
    void malformedUrlsAreRefused(String url) {
        assertThat(policy.checkRegistration(url)).as(url).isInstanceOf(TargetCheck.Malformed.class);
    }

    @Test
    void publicHttpsTargetsAreAllowedAndUnresolvableNamesWaitForDelivery() {
        assertThat(policy.checkRegistration("https://93.184.215.14/hook")).isInstanceOf(TargetCheck.Allowed.class);
        assertThat(policy.checkRegistration("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"))
                .isInstanceOf(TargetCheck.Allowed.class);
        TargetPolicy noDns = new TargetPolicy(false, false, host -> {
            throw new UnknownHostException(host);
        });
        assertThat(noDns.checkRegistration("https://hooks.not-yet-live.test/x")).isInstanceOf(TargetCheck.Allowed.class);
        assertThat(noDns.checkDelivery(URI.create("https://hooks.not-yet-live.test/x")))
                .isInstanceOf(TargetCheck.Unresolvable.class);
    }

    @Test
    void aNameThatRebindsToLoopbackAfterRegistrationIsNeverCalled() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            Map<String, String> dns = new java.util.concurrent.ConcurrentHashMap<>(Map.of("rebind.merchant.test", "93.184.215.14"));
            TargetPolicy rebinding = new TargetPolicy(false, true, table(dns));
            String url = "http://rebind.merchant.test:" + server.getAddress().getPort() + "/hook";
            assertThat(rebinding.checkRegistration(url)).isInstanceOf(TargetCheck.Allowed.class);

            dns.put("rebind.merchant.test", "127.0.0.1");
            Sender sender = new Sender(rebinding, Duration.ofSeconds(2), Duration.ofSeconds(2));
            AttemptResult result = sender.send(URI.create(url), "{}".getBytes(), Map.of());

            assertThat(result.outcome()).isEqualTo(AttemptOutcome.TARGET_NOT_ALLOWED);
            assertThat(result.error()).contains("127.0.0.1");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theDefaultSenderRefusesLoopbackAtDeliveryEvenForAUrlStoredEarlier() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            Sender sender = new Sender(new TargetPolicy(false, true, HostResolver.SYSTEM), Duration.ofSeconds(2), Duration.ofSeconds(2));
            for (String url : new String[]{"http://127.0.0.1:" + port + "/", "http://localhost:" + port + "/",
                    "http://[::1]:" + port + "/"}) {
                assertThat(sender.send(URI.create(url), "{}".getBytes(), Map.of()).outcome()).as(url)
                        .isEqualTo(AttemptOutcome.TARGET_NOT_ALLOWED);
            }
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private static HostResolver table(Map<String, String> dns) {
        return host -> {
            String address = dns.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[]{InetAddress.getByName(address)};
        };
    }
}
