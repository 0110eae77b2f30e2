package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ScalarType;

import java.util.List;

/** An aggregate function compiled for one summarize: the types of the columns it outputs and a fresh state per group. */
interface Aggregation {
    List<ScalarType> outputTypes();

    Accumulator newAccumulator();

    /** The running state of one aggregate over the rows of one group. */
    interface Accumulator {
        void add(Object[] row);

        /** Writes this aggregate's output columns into {@code out} from {@code offset}. */
        void write(Object[] out, int offset);
    }
}
