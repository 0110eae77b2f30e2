package dev.adxfed.operator.arm;

import dev.adxfed.operator.api.HttpUrl;

import java.net.URI;

/**
 * Where Azure Resource Manager answers: the public cloud's by default, another cloud's, or a local one
 * (the emulator's). A plain-http endpoint must be on the loopback address: it gets no token, and a
 * token must never travel in clear text.
 */
public record ArmEndpoint(URI uri) {

    public static final String PUBLIC_CLOUD = "https://management.azure.com";

    public static final ArmEndpoint DEFAULT = parse(PUBLIC_CLOUD);

    /** Parses and checks {@code text}; the exception's message says what is wrong with it. */
    public static ArmEndpoint parse(String text) {
        HttpUrl url = HttpUrl.parse(text, PUBLIC_CLOUD + " or http://127.0.0.1:PORT");
        ArmEndpoint endpoint = new ArmEndpoint(URI.create((url.plain() ? "http" : "https") + "://" + url.uri().getRawAuthority()));
        if (url.plain() && !endpoint.loopback()) {
            throw new IllegalArgumentException("'" + text + "': plain http is only for a local endpoint on the loopback"
                    + " address (127.0.0.1, localhost); Azure Resource Manager needs https");
        }
        return endpoint;
    }

    /** A local endpoint over plain http, which takes no token. */
    public boolean plainLoopback() {
        return uri.getScheme().equals("http");
    }

    /** The token scope: {@code https://management.azure.com/.default} for the public cloud. */
    String scope() {
        return uri + "/.default";
    }

    private boolean loopback() {
        String host = uri.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
