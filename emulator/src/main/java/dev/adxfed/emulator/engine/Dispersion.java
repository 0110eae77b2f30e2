package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.List;

import static dev.adxfed.emulator.catalog.ScalarType.REAL;

/**
 * {@code variance, stdev} (of a sample: divided by n - 1) and {@code variancep, stdevp} (of the population: by n),
 * as reals, with Welford's running mean so large values do not lose precision. A group of one value has 0.
 */
final class Dispersion {
    private Dispersion() {
    }

    static Aggregation of(String name, ScalarExpression e) {
        if (!Numbers.isNumeric(e.type())) {
            throw SemanticErrors.type("Aggregate '" + name + "' expects a number, got " + e.type().kqlName());
        }
        boolean sample = !name.endsWith("p");
        boolean root = name.startsWith("stdev");
        ScalarExpression.Evaluator ev = e.evaluator();
        return new Aggregation() {
            @Override
            public List<ScalarType> outputTypes() {
                return List.of(REAL);
            }

            @Override
            public Accumulator newAccumulator() {
                return new Accumulator() {
                    private long n;
                    private double mean;
                    private double squares;

                    @Override
                    public void add(Object[] row) {
                        Double v = Conversions.toReal(ev.evaluate(row));
                        if (v != null) {
                            n++;
                            double delta = v - mean;
                            mean += delta / n;
                            squares += delta * (v - mean);
                        }
                    }

                    @Override
                    public void write(Object[] out, int offset) {
                        if (n == 0) {
                            out[offset] = null;
                            return;
                        }
                        double variance = n == 1 ? 0 : squares / (sample ? n - 1 : n);
                        out[offset] = root ? Math.sqrt(variance) : variance;
                    }
                };
            }
        };
    }
}
