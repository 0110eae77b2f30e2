package dev.adxfed.emulator.engine;

import dev.adxfed.kql.syntax.Expression;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The names Kusto gives columns the query does not name: a column keeps its name ({@code d.a} becomes
 * {@code d_a}), conversions and {@code bin} keep their first argument's name, {@code strlen(s)} becomes
 * {@code strlen_s}, aggregates get a prefix ({@code count_}, {@code sum_x}, {@code set_x}), anything else is
 * {@code Column1}, {@code Column2}, ... A name already taken gets a number appended ({@code count_1}).
 */
final class ColumnNames {
    private static final Set<String> KEEP_FIRST_ARGUMENT = Set.of(
            "bin", "floor", "startofday", "startofweek", "startofmonth", "startofyear", "endofday", "split", "format_datetime",
            "tostring", "toint", "tolong", "toreal", "todouble", "todecimal", "tobool", "toboolean", "toguid",
            "todatetime", "totimespan", "totime", "todynamic", "toobject", "parse_json");
    private static final Set<String> PREFIX_FIRST_ARGUMENT = Set.of("strlen");

    private ColumnNames() {
    }

    /** The name Kusto derives from an expression, if it derives one. */
    static Optional<String> derived(Expression e) {
        if (e instanceof Expression.Name n) {
            return Optional.of(n.name());
        }
        if (e instanceof Expression.Member m) {
            return derived(m.target()).map(t -> t + "_" + m.member());
        }
        if (e instanceof Expression.Index i && i.index() instanceof Expression.Literal l && l.value() != null) {
            String key = l.value() instanceof BigDecimal b ? b.toPlainString() : l.value().toString();
            return derived(i.target()).map(t -> t + "_" + key);
        }
        if (e instanceof Expression.Call c && !c.arguments().isEmpty()) {
            if (KEEP_FIRST_ARGUMENT.contains(c.function())) {
                return derived(c.arguments().get(0));
            }
            if (PREFIX_FIRST_ARGUMENT.contains(c.function())) {
                return derived(c.arguments().get(0)).map(a -> c.function() + "_" + a);
            }
        }
        return Optional.empty();
    }

    /** The name of output column {@code output} of an aggregate written without a name (percentiles has several). */
    static String aggregate(Expression.Call call, int output) {
        String f = call.function();
        Optional<String> arg = call.arguments().isEmpty() ? Optional.empty() : derived(call.arguments().get(0));
        return switch (f) {
            case "take_any" -> arg.orElse("any_");
            case "arg_max" -> arg.orElse("max_");
            case "arg_min" -> arg.orElse("min_");
            case "make_set" -> "set_" + arg.orElse("");
            case "make_list" -> "list_" + arg.orElse("");
            case "make_bag" -> "bag_" + arg.orElse("");
            case "percentile", "percentiles" -> "percentile_" + arg.orElse("") + "_" + percentText(call, output + 1);
            case "percentiles_array" -> "percentiles_" + arg.orElse("");
            case "count", "countif" -> f + "_";
            default -> f + "_" + arg.orElse("");
        };
    }

    private static String percentText(Expression.Call call, int argument) {
        if (call.arguments().size() > argument && call.arguments().get(argument) instanceof Expression.Literal l && l.value() != null) {
            return l.value() instanceof Double d ? ScalarText.formatReal(d).replace('.', '_') : l.value().toString();
        }
        return "";
    }

    /** {@code name}, or {@code name1}, {@code name2}, ... if it is taken. */
    static String unique(String name, Collection<String> taken) {
        if (!taken.contains(name)) {
            return name;
        }
        for (int i = 1; ; i++) {
            if (!taken.contains(name + i)) {
                return name + i;
            }
        }
    }

    /** The next free {@code ColumnN}. */
    static String generated(Collection<String> taken) {
        for (int i = 1; ; i++) {
            if (!taken.contains("Column" + i)) {
                return "Column" + i;
            }
        }
    }
}
