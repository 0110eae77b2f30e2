package dev.adxfed.operator.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An http(s) URL with a host, as a user names a Kusto cluster or Azure Resource Manager. Callers add their own
 * rules on top (which scheme may carry a token, what part of the URL they keep).
 *
 * @param uri as given, with surrounding white space dropped
 */
public record HttpUrl(URI uri) {

    /**
     * Parses and checks {@code text}; the exception's message says what is wrong with it.
     *
     * @param examples what a good value looks like, for the message, e.g. {@code "https://x or http://127.0.0.1:8080"}
     */
    public static HttpUrl parse(String text, String examples) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) URL such as " + examples);
        }
        return new HttpUrl(uri);
    }

    /** Plain http, with no TLS: nothing secret may travel on it. */
    public boolean plain() {
        return uri.getScheme().equalsIgnoreCase("http");
    }
}
