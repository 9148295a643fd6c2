package org.finbridge.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides where a webhook may go (SSRF defence): the URL when it is registered, and the addresses its
 * host resolves to before every delivery, because a name that was public at registration can later
 * resolve to 127.0.0.1 or 169.254.169.254 (DNS rebinding). Every address a name resolves to must be
 * allowed, since the HTTP client may use any of them. Redirects are never followed (see {@link Sender}),
 * so a public URL cannot bounce the request inward.
 */
final class TargetPolicy {

    static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivateTargets;
    private final boolean allowPlainHttp;
    private final HostResolver resolver;

    TargetPolicy(boolean allowPrivateTargets, boolean allowPlainHttp, HostResolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.allowPlainHttp = allowPlainHttp;
        this.resolver = resolver;
    }

    /** At registration: the URL's form, its scheme, and its host as it resolves now (if it does). */
    TargetCheck checkRegistration(String url) {
        TargetCheck form = checkForm(url);
        if (!(form instanceof TargetCheck.Allowed allowed)) {
            return form;
        }
        TargetCheck addresses = checkAddresses(allowed.uri());
        // a name that does not resolve yet may be set up later; every delivery checks it again
        return addresses instanceof TargetCheck.Unresolvable ? allowed : addresses;
    }

    /** Before each delivery: the addresses the host resolves to at this moment. */
    TargetCheck checkDelivery(URI uri) {
        TargetCheck form = checkForm(uri.toString());
        return form instanceof TargetCheck.Allowed ? checkAddresses(uri) : form;
    }

    private TargetCheck checkForm(String url) {
        if (url == null || url.isBlank()) {
            return new TargetCheck.Malformed("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return new TargetCheck.Malformed("at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new TargetCheck.Malformed("not a URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return new TargetCheck.Malformed("an absolute http(s) URL with a host is required");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowPlainHttp) {
            return new TargetCheck.Refused("https is required");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return new TargetCheck.Malformed("the scheme must be https");
        }
        if (uri.getRawUserInfo() != null) {
            return new TargetCheck.Malformed("credentials in the URL are not accepted");
        }
        if (uri.getRawFragment() != null) {
            return new TargetCheck.Malformed("a fragment is never sent; leave it out");
        }
        return new TargetCheck.Allowed(uri);
    }

    private TargetCheck checkAddresses(URI uri) {
        String host = unbracketed(uri.getHost());
        if (allowPrivateTargets) {
            return new TargetCheck.Allowed(uri);
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // the absolute form of the same name
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return new TargetCheck.Refused(host + " is the local host (RFC 6761)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new TargetCheck.Unresolvable(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> why = BlockedAddresses.why(address);
            if (why.isPresent()) {
                return new TargetCheck.Refused(host + " resolves to " + address.getHostAddress() + ", " + why.get());
            }
        }
        return new TargetCheck.Allowed(uri);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
