package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import static dev.adxfed.emulator.catalog.ScalarType.DATETIME;
import static dev.adxfed.emulator.catalog.ScalarType.INT;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;
import static dev.adxfed.emulator.catalog.ScalarType.REAL;
import static dev.adxfed.emulator.catalog.ScalarType.STRING;
import static dev.adxfed.emulator.catalog.ScalarType.TIMESPAN;

/**
 * {@code now, ago, bin/floor, datetime_diff, datetime_add, startof.../endof..., format_datetime, format_timespan, dayofweek},
 * and the calendar parts {@code hourofday, dayofmonth, dayofyear, monthofyear, getyear, getmonth}.
 */
final class DatetimeFunctions {
    private DatetimeFunctions() {
    }

    static void register(Map<String, ScalarFunction> functions) {
        functions.put("now", DatetimeFunctions::now);
        functions.put("ago", DatetimeFunctions::ago);
        functions.put("bin", DatetimeFunctions::bin);
        functions.put("floor", DatetimeFunctions::bin);
        functions.put("datetime_diff", DatetimeFunctions::datetimeDiff);
        functions.put("startofday", call -> calendar(call, t -> t.toLocalDate().atStartOfDay(), "day"));
        functions.put("startofweek", call -> calendar(call, t -> t.toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay(), "week"));
        functions.put("startofmonth", call -> calendar(call, t -> t.toLocalDate().withDayOfMonth(1).atStartOfDay(), "month"));
        functions.put("startofyear", call -> calendar(call, t -> t.toLocalDate().withDayOfYear(1).atStartOfDay(), "year"));
        functions.put("endofday", call -> calendar(call, t -> t.toLocalDate().atStartOfDay().plusDays(1).minusNanos(100), "day"));
        functions.put("format_datetime", DatetimeFunctions::formatDatetime);
        functions.put("endofweek", call -> endOf(call, "week"));
        functions.put("endofmonth", call -> endOf(call, "month"));
        functions.put("endofyear", call -> endOf(call, "year"));
        functions.put("datetime_add", DatetimeFunctions::datetimeAdd);
        functions.put("make_datetime", DatetimeFunctions::makeDatetime);
        functions.put("format_timespan", DatetimeFunctions::formatTimespan);
        functions.put("dayofweek", DatetimeFunctions::dayofweek);
        functions.put("hourofday", call -> part(call, LocalDateTime::getHour));
        functions.put("dayofmonth", call -> part(call, LocalDateTime::getDayOfMonth));
        functions.put("dayofyear", call -> part(call, LocalDateTime::getDayOfYear));
        functions.put("monthofyear", call -> part(call, LocalDateTime::getMonthValue));
        functions.put("getmonth", call -> part(call, LocalDateTime::getMonthValue));
        functions.put("getyear", call -> part(call, LocalDateTime::getYear));
    }

    /** The last tick of the week (ending Saturday), month or year of a datetime, shifted by an optional number of them. */
    private static ScalarExpression endOf(FunctionCall call, String period) {
        ScalarExpression start = calendar(call, t -> switch (period) {
            case "week" -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay();
            case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            default -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
        }, period);
        ScalarExpression.Evaluator ev = start.evaluator();
        return ScalarExpression.of(DATETIME, row -> {
            Instant i = (Instant) ev.evaluate(row);
            if (i == null) {
                return null;
            }
            LocalDateTime t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            LocalDateTime next = switch (period) {
                case "week" -> t.plusWeeks(1);
                case "month" -> t.plusMonths(1);
                default -> t.plusYears(1);
            };
            return next.minusNanos(ScalarText.NANOS_PER_TICK).toInstant(ZoneOffset.UTC);
        }, start);
    }

    /** {@code datetime_add(period, amount, datetime)}: calendar periods (a month after Jan 31 is Feb 28 or 29) and fixed units. */
    private static ScalarExpression datetimeAdd(FunctionCall call) {
        call.arity(3, 3);
        String part = ((String) call.constant(0, STRING)).toLowerCase(Locale.ROOT);
        ScalarExpression.Evaluator amount = call.arg(1, INT, LONG).evaluator();
        ScalarExpression.Evaluator value = call.arg(2, DATETIME).evaluator();
        DatetimePart unit = DatetimePart.of(part)
                .orElseThrow(() -> SemanticErrors.type("Function 'datetime_add': unknown period '" + part + "'"));
        return call.result(DATETIME, row -> {
            Long n = Conversions.toLong(amount.evaluate(row));
            Instant i = (Instant) value.evaluate(row);
            if (n == null || i == null) {
                return null;
            }
            LocalDateTime t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            LocalDateTime shifted = switch (unit) {
                case YEAR -> t.plusYears(n);
                case QUARTER -> t.plusMonths(3 * n);
                case MONTH -> t.plusMonths(n);
                case WEEK -> t.plusWeeks(n);
                case DAY -> t.plusDays(n);
                case HOUR -> t.plusHours(n);
                case MINUTE -> t.plusMinutes(n);
                case SECOND -> t.plusSeconds(n);
                case MILLISECOND -> t.plusNanos(n * 1_000_000);
                case MICROSECOND -> t.plusNanos(n * 1_000);
                case NANOSECOND -> t.plusNanos(n - n % ScalarText.NANOS_PER_TICK);
            };
            return shifted.toInstant(ZoneOffset.UTC);
        });
    }

    /** {@code make_datetime(year, month, day [, hour, minute [, second]])}; null for a date that does not exist. */
    private static ScalarExpression makeDatetime(FunctionCall call) {
        call.arity(3, 6);
        if (call.count() == 4) {
            throw SemanticErrors.type("Function 'make_datetime' expects 3, 5 or 6 arguments, got 4");
        }
        ScalarExpression.Evaluator[] parts = new ScalarExpression.Evaluator[call.count()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i == 5 ? call.arg(i, INT, LONG, REAL).evaluator() : call.arg(i, INT, LONG).evaluator();
        }
        return call.result(DATETIME, row -> {
            long[] v = new long[5];
            for (int i = 0; i < Math.min(5, parts.length); i++) {
                Long n = Conversions.toLong(parts[i].evaluate(row));
                if (n == null) {
                    return null;
                }
                v[i] = n;
            }
            Double seconds = parts.length == 6 ? Conversions.toReal(parts[5].evaluate(row)) : Double.valueOf(0);
            if (seconds == null || seconds < 0 || seconds >= 60) {
                return null;
            }
            try {
                LocalDateTime t = LocalDateTime.of((int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4]);
                return t.toInstant(ZoneOffset.UTC).plusNanos(Math.round(seconds * 10_000_000) * ScalarText.NANOS_PER_TICK);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        });
    }

    /** A calendar part of a datetime in UTC, as an int. */
    private static ScalarExpression part(FunctionCall call, ToIntFunction<LocalDateTime> part) {
        ScalarExpression.Evaluator value = call.arity(1, 1).arg(0, DATETIME).evaluator();
        return call.result(INT, row -> {
            Instant i = (Instant) value.evaluate(row);
            return i == null ? null : part.applyAsInt(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        });
    }

    /** Whole days since the Sunday before, as a timespan: 0.00:00:00 for a Sunday, 1.00:00:00 for a Monday. */
    private static ScalarExpression dayofweek(FunctionCall call) {
        ScalarExpression.Evaluator value = call.arity(1, 1).arg(0, DATETIME).evaluator();
        return call.result(TIMESPAN, row -> {
            Instant i = (Instant) value.evaluate(row);
            return i == null ? null : Duration.ofDays(LocalDate.ofInstant(i, ZoneOffset.UTC).getDayOfWeek().getValue() % 7);
        });
    }

    private static ScalarExpression formatTimespan(FunctionCall call) {
        call.arity(2, 2);
        ScalarExpression.Evaluator value = call.arg(0, TIMESPAN).evaluator();
        TimespanFormat format = TimespanFormat.parse((String) call.constant(1, STRING));
        return call.result(STRING, row -> {
            Duration d = (Duration) value.evaluate(row);
            return d == null ? "" : format.format(d);
        });
    }

    private static ScalarExpression now(FunctionCall call) {
        call.arity(0, 1);
        Instant now = call.now();
        if (call.count() == 0) {
            return ScalarExpression.constant(DATETIME, now);
        }
        ScalarExpression.Evaluator offset = call.arg(0, TIMESPAN).evaluator();
        return call.result(DATETIME, row -> {
            Duration d = (Duration) offset.evaluate(row);
            return d == null ? null : now.plus(d);
        });
    }

    private static ScalarExpression ago(FunctionCall call) {
        ScalarExpression.Evaluator span = call.arity(1, 1).arg(0, TIMESPAN).evaluator();
        Instant now = call.now();
        return call.result(DATETIME, row -> {
            Duration d = (Duration) span.evaluate(row);
            return d == null ? null : now.minus(d);
        });
    }

    private static ScalarExpression bin(FunctionCall call) {
        call.arity(2, 2);
        ScalarExpression value = call.arg(0);
        ScalarExpression size = call.arg(1);
        ScalarExpression.Evaluator ve = value.evaluator();
        ScalarExpression.Evaluator se = size.evaluator();
        if (value.type() == DATETIME && size.type() == TIMESPAN) {
            if (size.constant()) {
                Duration d = (Duration) size.value();
                if (d == null || d.isNegative() || d.isZero()) {
                    return ScalarExpression.constant(DATETIME, null);
                }
                long step = d.toNanos();
                return call.result(DATETIME, row -> {
                    Instant i = (Instant) ve.evaluate(row);
                    return i == null ? null : floorInstant(i, step);
                });
            }
            return call.result(DATETIME, row -> {
                Instant i = (Instant) ve.evaluate(row);
                Duration d = (Duration) se.evaluate(row);
                return i == null || d == null || d.isNegative() || d.isZero() ? null : floorInstant(i, d.toNanos());
            });
        }
        if (value.type() == TIMESPAN && size.type() == TIMESPAN) {
            return call.result(TIMESPAN, row -> {
                Duration v = (Duration) ve.evaluate(row);
                Duration d = (Duration) se.evaluate(row);
                if (v == null || d == null || d.isNegative() || d.isZero()) {
                    return null;
                }
                long step = ScalarText.toTicks(d);
                return ScalarText.timespanOfTicks(Math.floorDiv(ScalarText.toTicks(v), step) * step);
            });
        }
        if (Numbers.isNumeric(value.type()) && Numbers.isNumeric(size.type())) {
            boolean integral = (value.type() == LONG || value.type() == INT) && (size.type() == LONG || size.type() == INT);
            if (integral) {
                return call.result(LONG, row -> {
                    Long v = Conversions.toLong(ve.evaluate(row));
                    Long s = Conversions.toLong(se.evaluate(row));
                    return v == null || s == null || s <= 0 ? null : Math.floorDiv(v, s) * s;
                });
            }
            return call.result(REAL, row -> {
                Double v = Conversions.toReal(ve.evaluate(row));
                Double s = Conversions.toReal(se.evaluate(row));
                return v == null || s == null || s <= 0 ? null : Math.floor(v / s) * s;
            });
        }
        throw SemanticErrors.type("Function 'bin' cannot round a " + value.type().kqlName() + " by a " + size.type().kqlName());
    }

    /** Rounds down to a multiple of the step counted from 0001-01-01, as Kusto counts ticks. */
    private static Instant floorInstant(Instant i, long stepNanos) {
        long stepTicks = Math.max(1, stepNanos / ScalarText.NANOS_PER_TICK);
        return ScalarText.fromTicks(Math.floorDiv(ScalarText.toTicks(i), stepTicks) * stepTicks);
    }

    private static ScalarExpression datetimeDiff(FunctionCall call) {
        call.arity(3, 3);
        String part = ((String) call.constant(0, STRING)).toLowerCase(Locale.ROOT);
        ScalarExpression.Evaluator a = call.arg(1, DATETIME).evaluator();
        ScalarExpression.Evaluator b = call.arg(2, DATETIME).evaluator();
        DatetimePart unit = DatetimePart.of(part)
                .orElseThrow(() -> SemanticErrors.type("Function 'datetime_diff': unknown period '" + part + "'"));
        return call.result(LONG, row -> {
            Instant x = (Instant) a.evaluate(row);
            Instant y = (Instant) b.evaluate(row);
            return x == null || y == null ? null : unit.index(x) - unit.index(y);
        });
    }

    private static ScalarExpression calendar(FunctionCall call, UnaryOperator<LocalDateTime> start, String period) {
        call.arity(1, 2);
        ScalarExpression.Evaluator value = call.arg(0, DATETIME).evaluator();
        ScalarExpression.Evaluator offset = call.count() == 2 ? call.arg(1, LONG, INT).evaluator() : row -> 0L;
        return call.result(DATETIME, row -> {
            Instant i = (Instant) value.evaluate(row);
            Long n = Conversions.toLong(offset.evaluate(row));
            if (i == null || n == null) {
                return null;
            }
            LocalDateTime t = start.apply(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
            LocalDateTime shifted = switch (period) {
                case "day" -> t.plusDays(n);
                case "week" -> t.plusWeeks(n);
                case "month" -> t.plusMonths(n);
                default -> t.plusYears(n);
            };
            return shifted.toInstant(ZoneOffset.UTC);
        });
    }

    private static ScalarExpression formatDatetime(FunctionCall call) {
        call.arity(2, 2);
        ScalarExpression.Evaluator value = call.arg(0, DATETIME).evaluator();
        DatetimeFormat format = DatetimeFormat.parse((String) call.constant(1, STRING));
        return call.result(STRING, row -> {
            Instant i = (Instant) value.evaluate(row);
            return i == null ? "" : format.format(i);
        });
    }

    /** The calendar periods of datetime_diff: a difference counts the period boundaries crossed. */
    private enum DatetimePart {
        YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND;

        static Optional<DatetimePart> of(String name) {
            return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
        }

        long index(Instant i) {
            LocalDate date = LocalDate.ofInstant(i, ZoneOffset.UTC);
            long ticks = ScalarText.toTicks(i);
            return switch (this) {
                case YEAR -> date.getYear();
                case QUARTER -> date.getYear() * 4L + (date.getMonthValue() - 1) / 3;
                case MONTH -> date.getYear() * 12L + date.getMonthValue() - 1;
                case WEEK -> Math.floorDiv(date.toEpochDay() + 4, 7);
                case DAY -> date.toEpochDay();
                case HOUR -> Math.floorDiv(ticks, 36_000_000_000L);
                case MINUTE -> Math.floorDiv(ticks, 600_000_000L);
                case SECOND -> Math.floorDiv(ticks, 10_000_000L);
                case MILLISECOND -> Math.floorDiv(ticks, 10_000L);
                case MICROSECOND -> Math.floorDiv(ticks, 10L);
                case NANOSECOND -> ticks * 100;
            };
        }
    }
}
