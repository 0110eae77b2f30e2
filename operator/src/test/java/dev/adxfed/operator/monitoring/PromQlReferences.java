package dev.adxfed.operator.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads, with the label names it matches on each, and the
 * label names it groups or joins by ({@code by}, {@code without}, {@code on}, {@code ignoring},
 * {@code group_left}, {@code group_right}). Grafana's {@code $variables} are skipped. Not a
 * validator: it reads well-formed expressions only.
 *
 * @param matchedLabels metric name to the label names its selectors match on (empty set: none)
 * @param groupingLabels label names of the expression's grouping and join clauses
 */
public record PromQlReferences(Map<String, Set<String>> matchedLabels, Set<String> groupingLabels) {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan",
            "start", "end", "atan2");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    public static PromQlReferences of(String expression) {
        return new Reader(expression).read();
    }

    /** The metric names the expression reads. */
    public Set<String> metrics() {
        return matchedLabels.keySet();
    }

    private static final class Reader {
        private final String text;
        private int at;
        private final Map<String, Set<String>> matched = new TreeMap<>();
        private final Set<String> grouping = new TreeSet<>();

        Reader(String text) {
            this.text = text;
        }

        PromQlReferences read() {
            String lastMetric = null;
            while (skipSpace()) {
                char c = text.charAt(at);
                if (c == '"' || c == '\'' || c == '`') {
                    skipString();
                    lastMetric = null;
                } else if (c == '[') {
                    at = closing('[', ']');
                } else if (c == '{') {
                    Map<String, String> matchers = matchers();
                    String metric = lastMetric != null ? lastMetric : matchers.get("__name__");
                    if (metric == null) {
                        throw new IllegalArgumentException("a selector without a metric name in: " + text);
                    }
                    matchers.remove("__name__");
                    matched.computeIfAbsent(metric, m -> new TreeSet<>()).addAll(matchers.keySet());
                    lastMetric = null;
                } else if (c == '$') {
                    at++;
                    if (at < text.length() && text.charAt(at) == '{') {
                        at = closing('{', '}');
                    } else {
                        identifier();
                    }
                    lastMetric = null;
                } else if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
                    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                        at++;
                    }
                    lastMetric = null;
                } else if (isIdentifierStart(c)) {
                    lastMetric = word(identifier());
                } else {
                    at++;
                    lastMetric = null;
                }
            }
            return new PromQlReferences(matched, grouping);
        }

        /** @return the metric name the word is, or null when it is a function, keyword or clause */
        private String word(String word) {
            if (GROUPING.contains(word)) {
                if (skipSpace() && text.charAt(at) == '(') {
                    labelList();
                }
                return null;
            }
            if (KEYWORDS.contains(word) || AGGREGATIONS.contains(word)) {
                return null;
            }
            if (skipSpace() && text.charAt(at) == '(') {
                return null;
            }
            matched.computeIfAbsent(word, m -> new TreeSet<>());
            return word;
        }

        private void labelList() {
            int end = closing('(', ')');
            for (String label : text.substring(at + 1, end - 1).split(",")) {
                if (!label.isBlank()) {
                    grouping.add(label.strip());
                }
            }
            at = end;
        }

        private Map<String, String> matchers() {
            int end = closing('{', '}');
            Map<String, String> matchers = new LinkedHashMap<>();
            at++;
            while (skipSpace() && at < end - 1) {
                if (text.charAt(at) == ',') {
                    at++;
                    continue;
                }
                String label = identifier();
                skipSpace();
                while (at < end && "=!~".indexOf(text.charAt(at)) >= 0) {
                    at++;
                }
                skipSpace();
                int valueStart = at;
                skipString();
                matchers.put(label, text.substring(valueStart + 1, at - 1));
            }
            at = end;
            return matchers;
        }

        /** @return the index after the bracket that closes the one at {@code at}, minding strings */
        private int closing(char open, char close) {
            int depth = 0;
            int i = at;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    i = stringEnd(i);
                    continue;
                }
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
            throw new IllegalArgumentException("'" + open + "' at " + at + " is not closed in: " + text);
        }

        private void skipString() {
            at = stringEnd(at);
        }

        /** @return the index after the string that starts at {@code from} */
        private int stringEnd(int from) {
            char quote = text.charAt(from);
            if (quote != '"' && quote != '\'' && quote != '`') {
                throw new IllegalArgumentException("a string expected at " + from + " in: " + text);
            }
            int i = from + 1;
            while (i < text.length() && text.charAt(i) != quote) {
                i += text.charAt(i) == '\\' && quote != '`' ? 2 : 1;
            }
            if (i >= text.length()) {
                throw new IllegalArgumentException("a string is not closed in: " + text);
            }
            return i + 1;
        }

        private String identifier() {
            int start = at;
            while (at < text.length() && (isIdentifierStart(text.charAt(at)) || Character.isDigit(text.charAt(at)))) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("a name expected at " + at + " in: " + text);
            }
            return text.substring(start, at);
        }

        /** @return whether text remains after skipping white space and comments */
        private boolean skipSpace() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (Character.isWhitespace(c)) {
                    at++;
                } else if (c == '#') {
                    while (at < text.length() && text.charAt(at) != '\n') {
                        at++;
                    }
                } else {
                    return true;
                }
            }
            return false;
        }

        private static boolean isIdentifierStart(char c) {
            return Character.isLetter(c) || c == '_' || c == ':';
        }
    }
}
