package dev.adxfed.emulator.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static dev.adxfed.emulator.catalog.ScalarType.DATETIME;
import static dev.adxfed.emulator.catalog.ScalarType.INT;
import static dev.adxfed.emulator.catalog.ScalarType.LONG;
import static dev.adxfed.emulator.catalog.ScalarType.STRING;

/**
 * {@code hash(source [, mod])}: Kusto hashes with xxHash64 (seed 0). Strings hash their UTF-8 bytes and
 * datetimes their ticks as 8 little-endian bytes, which reproduces the values in Kusto's documentation.
 * Other source types are refused rather than hashed differently from Kusto.
 */
final class Hash {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private Hash() {
    }

    static ScalarExpression bind(FunctionCall call) {
        call.arity(1, 2);
        ScalarExpression source = call.arg(0, STRING, DATETIME);
        ScalarExpression.Evaluator s = source.evaluator();
        ScalarExpression.Evaluator mod = call.count() == 2 ? call.arg(1, LONG, INT).evaluator() : null;
        return call.result(LONG, row -> {
            Object v = s.evaluate(row);
            if (v == null) {
                return null;
            }
            byte[] bytes = v instanceof String str ? str.getBytes(StandardCharsets.UTF_8) : littleEndian(ScalarText.toTicks((Instant) v));
            long h = xxHash64(bytes);
            if (mod == null) {
                return h;
            }
            Long m = Conversions.toLong(mod.evaluate(row));
            return m == null || m <= 0 ? null : Long.remainderUnsigned(h, m);
        });
    }

    private static byte[] littleEndian(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static long xxHash64(byte[] data) {
        int len = data.length;
        int i = 0;
        long h;
        if (len >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            while (i <= len - 32) {
                v1 = round(v1, readLong(data, i));
                v2 = round(v2, readLong(data, i + 8));
                v3 = round(v3, readLong(data, i + 16));
                v4 = round(v4, readLong(data, i + 24));
                i += 32;
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = P5;
        }
        h += len;
        while (i <= len - 8) {
            h ^= round(0, readLong(data, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (i <= len - 4) {
            h ^= (readInt(data, i) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < len) {
            h ^= (data[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            i++;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long h, long v) {
        return (h ^ round(0, v)) * P1 + P4;
    }

    private static long readLong(byte[] b, int i) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (b[i + k] & 0xFFL);
        }
        return v;
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
