package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import static dev.adxfed.emulator.catalog.ScalarType.BOOL;

/**
 * Kusto's string operators: {@code =~ !~ has contains startswith endswith} (case-insensitive), their
 * {@code _cs} and negated forms, and {@code matches regex}. Operands of other types are compared as their text.
 */
final class StringPredicates {
    private StringPredicates() {
    }

    static ScalarExpression bind(String op, ScalarExpression l, ScalarExpression r) {
        ScalarExpression.Evaluator le = text(l);
        if (op.equals("matches regex")) {
            return regex(l, le, r);
        }
        ScalarExpression.Evaluator re = text(r);
        BiPredicate<String, String> p = predicate(op)
                .orElseThrow(() -> SemanticErrors.unsupported("The operator '" + op + "'"));
        return ScalarExpression.of(BOOL, row -> p.test((String) le.evaluate(row), (String) re.evaluate(row)), l, r);
    }

    private static ScalarExpression regex(ScalarExpression l, ScalarExpression.Evaluator le, ScalarExpression r) {
        if (!r.constant() || r.type() != ScalarType.STRING) {
            throw SemanticErrors.type("'matches regex' expects a constant string pattern");
        }
        Pattern pattern = KustoRegex.compile("'matches regex'", (String) r.value());
        return ScalarExpression.of(BOOL, row -> pattern.matcher((String) le.evaluate(row)).find(), l);
    }

    private static Optional<BiPredicate<String, String>> predicate(String op) {
        BiPredicate<String, String> p = switch (op) {
            case "=~" -> String::equalsIgnoreCase;
            case "has" -> (a, b) -> has(a, b, true);
            case "has_cs" -> (a, b) -> has(a, b, false);
            case "hasprefix" -> (a, b) -> term(a, b, true, true, false);
            case "hasprefix_cs" -> (a, b) -> term(a, b, false, true, false);
            case "hassuffix" -> (a, b) -> term(a, b, true, false, true);
            case "hassuffix_cs" -> (a, b) -> term(a, b, false, false, true);
            case "contains" -> (a, b) -> indexOfIgnoreCase(a, b, 0) >= 0;
            case "contains_cs" -> String::contains;
            case "startswith" -> (a, b) -> a.regionMatches(true, 0, b, 0, b.length());
            case "startswith_cs" -> String::startsWith;
            case "endswith" -> (a, b) -> a.length() >= b.length() && a.regionMatches(true, a.length() - b.length(), b, 0, b.length());
            case "endswith_cs" -> String::endsWith;
            default -> null;
        };
        if (p != null) {
            return Optional.of(p);
        }
        if (op.startsWith("!")) {
            String positive = op.equals("!~") ? "=~" : op.substring(1);
            if (!positive.startsWith("!") && !positive.isEmpty()) {
                return predicate(positive).map(BiPredicate::negate);
            }
        }
        return Optional.empty();
    }

    /** Whole-term match: the needle is found with no letter or digit right before or after it. */
    static boolean has(String haystack, String needle, boolean ignoreCase) {
        return term(haystack, needle, ignoreCase, true, true);
    }

    /** The needle found where a term starts ({@code atStart}) and/or ends ({@code atEnd}). */
    private static boolean term(String haystack, String needle, boolean ignoreCase, boolean atStart, boolean atEnd) {
        if (needle.isEmpty()) {
            return true;
        }
        int from = 0;
        while (true) {
            int i = ignoreCase ? indexOfIgnoreCase(haystack, needle, from) : haystack.indexOf(needle, from);
            if (i < 0) {
                return false;
            }
            int end = i + needle.length();
            boolean startOk = !atStart || i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1));
            boolean endOk = !atEnd || end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }

    private static int indexOfIgnoreCase(String haystack, String needle, int from) {
        int last = haystack.length() - needle.length();
        for (int i = from; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static ScalarExpression.Evaluator text(ScalarExpression e) {
        ScalarExpression.Evaluator ev = e.evaluator();
        if (e.type() == ScalarType.STRING) {
            return ev;
        }
        return row -> ScalarText.format(ev.evaluate(row));
    }
}
