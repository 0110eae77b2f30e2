package dev.adxfed.kql;

import dev.adxfed.kql.syntax.EntityReference;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one spelling of a cluster that adxfed compares: the operator's heartbeat endpoints, group members and
 * blocked clusters, and the emulator's entity groups and {@code cluster('...')} lookups. Host names are not
 * case-sensitive and a default port or a trailing slash names the same cluster, so two spellings of one
 * cluster never become two members of a group (Kusto refuses duplicate entities).
 */
public final class ClusterEndpoint {

    /**
     * The spelling Kusto lists members in and adxfed writes them, with no escape in either string: it means
     * what the parser would read, and the hub compares thousands of members per pass.
     */
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("cluster\\('([^'\\\\]*)'\\)\\.database\\('([^'\\\\]*)'\\)");

    private ClusterEndpoint() {}

    /**
     * {@code scheme://host[:port][/path]} with scheme and host in lower case, no default port (80 for http,
     * 443 for https) and no trailing slash. Anything else is refused: the message says what is wrong, with
     * no subject, so that callers can name the field ("ClusterEndpoint is not an http(s) URL").
     */
    public static String normalize(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("is not an http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be scheme://host[:port][/path] only");
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    }

    /**
     * The argument of {@code cluster('...')} as compared: an http(s) endpoint {@linkplain #normalize normalized},
     * anything else (a cluster's name, as in {@code cluster('help')}) in lower case; null stays null (no cluster).
     */
    public static String normalizeClusterArgument(String cluster) {
        if (cluster == null) {
            return null;
        }
        try {
            return normalize(cluster);
        } catch (IllegalArgumentException notAnEndpoint) {
            return cluster.strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An entity group's member as listed by Kusto, read by {@link KqlParser#parseEntityReference} and with its
     * cluster {@linkplain #normalizeClusterArgument normalized}, so that equal members compare equal; empty when
     * the text is not {@code cluster('...').database('...')}.
     */
    public static Optional<EntityReference> normalizedReference(String entityText) {
        Matcher plain = PLAIN_REFERENCE.matcher(entityText);
        if (plain.matches()) {
            return Optional.of(new EntityReference(normalizeClusterArgument(plain.group(1)), plain.group(2)));
        }
        EntityReference reference;
        try {
            reference = KqlParser.parseEntityReference(entityText);
        } catch (KqlSyntaxException notAReference) {
            return Optional.empty();
        }
        if (reference.cluster() == null || reference.database() == null) {
            return Optional.empty();
        }
        return Optional.of(new EntityReference(normalizeClusterArgument(reference.cluster()), reference.database()));
    }
}
