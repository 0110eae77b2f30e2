package dev.adxfed.operator.federation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cluster('c').database('d')} read back from Kusto, which may quote with either quote and
 * spell the cluster in another case: compared by value, so an equal group is never altered.
 */
record EntityReference(String cluster, String database) {

    private static final String LITERAL = "(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\")";
    private static final Pattern SHAPE = Pattern.compile(
            "\\s*cluster\\(\\s*" + LITERAL + "\\s*\\)\\s*\\.\\s*database\\(\\s*" + LITERAL + "\\s*\\)\\s*");

    static Optional<EntityReference> parse(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String cluster = unescape(m.group(1) != null ? m.group(1) : m.group(2));
        String database = unescape(m.group(3) != null ? m.group(3) : m.group(4));
        return Optional.of(new EntityReference(cluster.toLowerCase(Locale.ROOT).replaceAll("/+$", ""), database));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
