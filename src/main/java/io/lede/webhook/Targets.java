package io.lede.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where webhooks may be sent: {@code http} and {@code https} URLs whose host resolves to public
 * addresses only, unless {@code lede.webhooks.allow-private-targets}. Checked when an endpoint is
 * registered or changed, and again on every attempt, since a name can be pointed elsewhere later.
 */
@ApplicationScoped
public class Targets {

    /** Why a target is refused; the message is shown to the admin or written in the delivery log. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivate;

    public Targets(WebhookConfig config) {
        this.allowPrivate = config.allowPrivateTargets();
    }

    /** The URL as a URI, once its form is acceptable: absolute http(s), a host, no user information, no fragment. */
    static URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("must not carry user information or a fragment");
        }
        return uri;
    }

    /** At registration: the form, and the addresses when the name resolves now (a name that does not is checked at send time). */
    void checkRegistered(String url) throws Refused {
        URI uri = parse(url);
        try {
            checkAddresses(uri);
        } catch (UnknownHostException e) {
            // Not resolvable today is not a reason to refuse; every attempt checks again.
        }
    }

    /** Before an attempt: the form and every address the host resolves to now. */
    void checkBeforeSending(URI uri) throws Refused {
        try {
            checkAddresses(uri);
        } catch (UnknownHostException e) {
            throw new Refused("the host does not resolve");
        }
    }

    private void checkAddresses(URI uri) throws Refused, UnknownHostException {
        if (allowPrivate) {
            return;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (isPrivate(address)) {
                throw new Refused("resolves to a loopback, link-local or private address (" + address.getHostAddress()
                        + "), which webhooks may not target");
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // Unique local fc00::/7, and IPv4-mapped or -compatible forms of private IPv4 addresses.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0))) {
                try {
                    byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                    return isPrivate(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 0.0.0.0/8 "this network", 100.64.0.0/10 shared (carrier-grade NAT), 198.18.0.0/15 benchmarking.
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19));
    }
}
