package org.finbridge.banking;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hostile XML files, each aimed at a local file or at a local HTTP listener that records every
 * request it receives (it must receive none), and the refusal each must earn.
 */
public final class XmlAttacks implements AutoCloseable {

    /** A hostile file and the reason it must be refused for. */
    public record Attack(String name, Supplier<InputStream> file, Refusal.Reason expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final String SECRET = "finbridge-secret-7f3a9c";

    private final HttpServer listener;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Path secretFile;

    public XmlAttacks(Path secretFile) throws IOException {
        this.secretFile = secretFile;
        java.nio.file.Files.writeString(secretFile, SECRET);
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "<!ENTITY leak 'contacted'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
    }

    /** What the listener was asked: must stay empty. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + path;
    }

    /** Every attack, its payload inside a {@code Document} of the given namespace. */
    public List<Attack> all(String namespace, XmlLimits limits) {
        String doc = "<Document xmlns=\"" + namespace + "\">";
        return List.of(
                attack("external entity to a local file", "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \""
                        + secretFile.toUri() + "\">]>" + doc + "<x>&xxe;</x></Document>", Refusal.Reason.DOCTYPE_FORBIDDEN),
                attack("external entity to a local HTTP listener", "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \""
                        + url("/entity") + "\">]>" + doc + "<x>&xxe;</x></Document>", Refusal.Reason.DOCTYPE_FORBIDDEN),
                attack("external DTD", "<?xml version=\"1.0\"?><!DOCTYPE Document SYSTEM \"" + url("/evil.dtd") + "\">"
                        + doc + "</Document>", Refusal.Reason.DOCTYPE_FORBIDDEN),
                attack("external parameter entity (out of band)", "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY % remote SYSTEM \""
                        + url("/parameter.dtd") + "\"> %remote;]>" + doc + "</Document>", Refusal.Reason.DOCTYPE_FORBIDDEN),
                attack("billion laughs", billionLaughs(doc), Refusal.Reason.DOCTYPE_FORBIDDEN),
                attack("quadratic blow-up", quadraticBlowUp(doc), Refusal.Reason.DOCTYPE_FORBIDDEN),
                attack("10,000-deep nesting", doc + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</Document>",
                        Refusal.Reason.TOO_DEEP),
                new Attack("oversized file", () -> oversized(limits.maxDocumentBytes() + 1), Refusal.Reason.TOO_LARGE));
    }

    private static Attack attack(String name, String xml, Refusal.Reason expected) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new Attack(name, () -> new java.io.ByteArrayInputStream(bytes), expected);
    }

    private static String billionLaughs(String doc) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").append(doc).append("<x>&lol9;</x></Document>").toString();
    }

    /** One 50,000-character entity referenced 50,000 times: 2.5 GB from a 300 kB file, no nesting needed. */
    private static String quadraticBlowUp(String doc) {
        return "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY a \"" + "x".repeat(50_000) + "\">]>" + doc
                + "<x>" + "&a;".repeat(50_000) + "</x></Document>";
    }

    /** A well-formed start of a file that goes on and on, made as it is read (nothing is held in memory). */
    private static InputStream oversized(long size) {
        byte[] head = "<?xml version=\"1.0\"?><Document><x>".getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                return position < head.length ? head[(int) position++] : (position++ % 64 == 0 ? '\n' : 'x');
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    @Override
    public void close() {
        listener.stop(0);
    }
}
