package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.adxfed.emulator.catalog.ScalarType.DYNAMIC;
import static dev.adxfed.emulator.catalog.ScalarType.INT;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;
import static dev.adxfed.emulator.catalog.ScalarType.STRING;

/**
 * {@code strcat, strcat_delim, strlen, substring, tolower, toupper, split, replace_string, replace_regex, trim[_start|_end],
 * extract, extract_all, indexof}.
 */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(Map<String, ScalarFunction> functions) {
        functions.put("strcat", StringFunctions::strcat);
        functions.put("strcat_delim", StringFunctions::strcatDelim);
        functions.put("extract_all", StringFunctions::extractAll);
        functions.put("replace_regex", StringFunctions::replaceRegex);
        functions.put("strlen", call -> {
            ScalarExpression.Evaluator s = text(call.arity(1, 1), 0);
            return call.result(LONG, row -> {
                String v = (String) s.evaluate(row);
                return (long) v.codePointCount(0, v.length());
            });
        });
        functions.put("substring", StringFunctions::substring);
        functions.put("tolower", call -> {
            ScalarExpression.Evaluator s = text(call.arity(1, 1), 0);
            return call.result(STRING, row -> ((String) s.evaluate(row)).toLowerCase(Locale.ROOT));
        });
        functions.put("toupper", call -> {
            ScalarExpression.Evaluator s = text(call.arity(1, 1), 0);
            return call.result(STRING, row -> ((String) s.evaluate(row)).toUpperCase(Locale.ROOT));
        });
        functions.put("split", StringFunctions::split);
        functions.put("replace_string", call -> {
            call.arity(3, 3);
            ScalarExpression.Evaluator s = text(call, 0);
            ScalarExpression.Evaluator lookup = text(call, 1);
            ScalarExpression.Evaluator rewrite = text(call, 2);
            return call.result(STRING, row -> {
                String l = (String) lookup.evaluate(row);
                String v = (String) s.evaluate(row);
                return l.isEmpty() ? v : v.replace(l, (String) rewrite.evaluate(row));
            });
        });
        functions.put("trim", call -> trim(call, true, true));
        functions.put("trim_start", call -> trim(call, true, false));
        functions.put("trim_end", call -> trim(call, false, true));
        functions.put("extract", StringFunctions::extract);
        functions.put("indexof", call -> {
            call.arity(2, 2);
            ScalarExpression.Evaluator s = text(call, 0);
            ScalarExpression.Evaluator lookup = text(call, 1);
            return call.result(LONG, row -> (long) ((String) s.evaluate(row)).indexOf((String) lookup.evaluate(row)));
        });
    }

    private static ScalarExpression strcat(FunctionCall call) {
        call.arity(1, 64);
        ScalarExpression.Evaluator[] parts = new ScalarExpression.Evaluator[call.count()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = text(call, i);
        }
        return call.result(STRING, row -> {
            StringBuilder sb = new StringBuilder();
            for (ScalarExpression.Evaluator p : parts) {
                sb.append((String) p.evaluate(row));
            }
            return sb.toString();
        });
    }

    private static ScalarExpression strcatDelim(FunctionCall call) {
        call.arity(3, 65);
        ScalarExpression.Evaluator delimiter = text(call, 0);
        ScalarExpression.Evaluator[] parts = new ScalarExpression.Evaluator[call.count() - 1];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = text(call, i + 1);
        }
        return call.result(STRING, row -> {
            StringJoiner joined = new StringJoiner((String) delimiter.evaluate(row));
            for (ScalarExpression.Evaluator p : parts) {
                joined.add((String) p.evaluate(row));
            }
            return joined.toString();
        });
    }

    /** {@code replace_regex(text, regex, rewrite)}: every match replaced; {@code \\1} in the rewrite is the first group. */
    private static ScalarExpression replaceRegex(FunctionCall call) {
        call.arity(3, 3);
        ScalarExpression.Evaluator s = text(call, 0);
        Pattern pattern = compile(call.name(), (String) call.constant(1, STRING));
        String rewrite = ((String) call.constant(2, STRING)).replace("$", "\\$").replaceAll("\\\\(\\d)", "\\$$1");
        return call.result(STRING, row -> pattern.matcher((String) s.evaluate(row)).replaceAll(rewrite));
    }

    private static ScalarExpression substring(FunctionCall call) {
        call.arity(2, 3);
        ScalarExpression.Evaluator s = text(call, 0);
        ScalarExpression.Evaluator start = call.arg(1, LONG, INT).evaluator();
        ScalarExpression.Evaluator length = call.count() == 3 ? call.arg(2, LONG, INT).evaluator() : row -> Long.MAX_VALUE;
        return call.result(STRING, row -> {
            String v = (String) s.evaluate(row);
            Long from = Conversions.toLong(start.evaluate(row));
            Long count = Conversions.toLong(length.evaluate(row));
            if (from == null || count == null || count < 0) {
                return "";
            }
            int cps = v.codePointCount(0, v.length());
            long begin = Math.max(0, Math.min(from, cps));
            long end = Math.min(cps, begin + Math.min(count, cps));
            return v.substring(v.offsetByCodePoints(0, (int) begin), v.offsetByCodePoints(0, (int) end));
        });
    }

    private static ScalarExpression split(FunctionCall call) {
        call.arity(2, 3);
        ScalarExpression.Evaluator s = text(call, 0);
        ScalarExpression.Evaluator delimiter = text(call, 1);
        ScalarExpression.Evaluator index = call.count() == 3 ? call.arg(2, LONG, INT).evaluator() : null;
        return call.result(DYNAMIC, row -> {
            String v = (String) s.evaluate(row);
            String d = (String) delimiter.evaluate(row);
            ArrayNode parts = JsonNodeFactory.instance.arrayNode();
            if (d.isEmpty()) {
                parts.add(v);
            } else {
                for (String p : v.split(Pattern.quote(d), -1)) {
                    parts.add(p);
                }
            }
            if (index == null) {
                return parts;
            }
            Long i = Conversions.toLong(index.evaluate(row));
            ArrayNode one = JsonNodeFactory.instance.arrayNode();
            if (i != null && i >= 0 && i < parts.size()) {
                one.add(parts.get(i.intValue()));
            }
            return one;
        });
    }

    private static ScalarExpression trim(FunctionCall call, boolean start, boolean end) {
        call.arity(2, 2);
        String regex = (String) call.constant(0, STRING);
        Pattern leading = compile(call.name(), "^(?:" + regex + ")+");
        Pattern trailing = compile(call.name(), "(?:" + regex + ")+$");
        Matcher oneCharacter = ONE_CHARACTER_CLASS.matcher(regex);
        Pattern character = oneCharacter.matches() ? compile(call.name(), oneCharacter.group(1)) : null;
        ScalarExpression.Evaluator s = text(call, 1);
        return call.result(STRING, row -> {
            String v = (String) s.evaluate(row);
            if (character != null) {
                return stripCharacters(v, character, start, end);
            }
            if (start) {
                v = leading.matcher(v).replaceFirst("");
            }
            if (end) {
                v = trailing.matcher(v).replaceFirst("");
            }
            return v;
        });
    }

    /**
     * A pattern that is one character class, repeated or not ({@code \s+}, {@code [ \t]*}, {@code x}): trimming
     * it removes matching characters from the ends one by one, the same result as the general patterns. The
     * general trailing pattern is tried at every position of the string, which over the 68 MB of function
     * bodies that the hub's {@code .show functions | project hash_sha256(trim(@"\s+", Body))} reads on a
     * 1000-partition bench took most of the emulator's time in an unchanged pass.
     */
    private static final Pattern ONE_CHARACTER_CLASS = Pattern.compile(
            "(\\\\[sSdDwW]|\\[(?:[^\\]\\\\\\[]|\\\\.)+\\]|[A-Za-z0-9 _,;:'\"=<>!@#%&~-])[+*]?");

    private static String stripCharacters(String v, Pattern character, boolean start, boolean end) {
        int from = 0;
        int to = v.length();
        while (start && from < to && character.matcher(v.substring(from, from + 1)).matches()) {
            from++;
        }
        while (end && to > from && character.matcher(v.substring(to - 1, to)).matches()) {
            to--;
        }
        return v.substring(from, to);
    }

    private static ScalarExpression extract(FunctionCall call) {
        call.arity(3, 3);
        Pattern pattern = compile(call.name(), (String) call.constant(0, STRING));
        ScalarExpression.Evaluator group = call.arg(1, LONG, INT).evaluator();
        ScalarExpression.Evaluator s = text(call, 2);
        return call.result(STRING, row -> {
            Long g = Conversions.toLong(group.evaluate(row));
            Matcher m = pattern.matcher((String) s.evaluate(row));
            if (g == null || !m.find() || g < 0 || g > m.groupCount()) {
                return "";
            }
            String found = m.group(g.intValue());
            return found == null ? "" : found;
        });
    }

    /**
     * {@code extract_all(regex, [groups,] text)}: every match; with one selected group an array of strings, with
     * several an array of arrays (one per match); null when nothing matches. Groups are numbers or names.
     */
    private static ScalarExpression extractAll(FunctionCall call) {
        call.arity(2, 3);
        Pattern pattern = compile(call.name(), (String) call.constant(0, STRING));
        int groupCount = pattern.matcher("").groupCount();
        if (groupCount < 1 || groupCount > 16) {
            throw SemanticErrors.type("Function 'extract_all': the regular expression must have 1 to 16 capture groups, it has " + groupCount);
        }
        List<Object> groups = new ArrayList<>();
        if (call.count() == 3) {
            Object selection = call.constant(1, DYNAMIC);
            if (!(selection instanceof JsonNode array) || !array.isArray() || array.isEmpty()) {
                throw SemanticErrors.type("Function 'extract_all': captureGroups must be a non-empty dynamic array");
            }
            for (JsonNode g : array) {
                if (g.isIntegralNumber() && g.asInt() >= 1 && g.asInt() <= groupCount) {
                    groups.add(g.asInt());
                } else if (g.isTextual() && pattern.pattern().contains("(?<" + g.textValue() + ">")) {
                    groups.add(g.textValue());
                } else {
                    throw SemanticErrors.type("Function 'extract_all': capture group " + g + " is not between 1 and " + groupCount + " or the name of one");
                }
            }
        } else {
            for (int g = 1; g <= groupCount; g++) {
                groups.add(g);
            }
        }
        ScalarExpression.Evaluator s = text(call, call.count() - 1);
        return call.result(DYNAMIC, row -> {
            Matcher m = pattern.matcher((String) s.evaluate(row));
            ArrayNode matches = JsonNodeFactory.instance.arrayNode();
            while (m.find()) {
                if (groups.size() == 1) {
                    matches.add(group(m, groups.get(0)));
                } else {
                    ArrayNode values = matches.addArray();
                    groups.forEach(g -> values.add(group(m, g)));
                }
            }
            return matches.isEmpty() ? null : matches;
        });
    }

    private static String group(Matcher m, Object group) {
        String found = group instanceof Integer i ? m.group(i) : m.group((String) group);
        return found == null ? "" : found;
    }

    private static Pattern compile(String function, String regex) {
        return KustoRegex.compile("Function '" + function + "'", regex);
    }

    /** Argument {@code i} as text: strings as they are, other types as tostring() prints them. */
    private static ScalarExpression.Evaluator text(FunctionCall call, int i) {
        ScalarExpression a = call.arg(i);
        ScalarExpression.Evaluator ev = a.evaluator();
        return a.type() == STRING ? ev : row -> ScalarText.format(ev.evaluate(row));
    }
}
