package ai.foresight.experiments.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * Short, readable text for arrays in {@code toString}s: the shape and the first few values (rows
 * elided with …), never an object id. {@code (30, 2) [[1.20, -0.31], [0.98, -0.40], …]}.
 */
public final class ValueText {
    /** Values shown per row, and rows shown, before eliding. */
    static final int SHOWN = 3;

    private ValueText() {}

    /** {@code (n) [v0, v1, v2, …]}. */
    public static String of(double[] values) {
        if (values == null) {
            return "null";
        }
        return "(" + values.length + ") " + row(values);
    }

    /** {@code (n) [v0, v1, v2, …]}. */
    public static String of(float[] values) {
        if (values == null) {
            return "null";
        }
        return of(toDouble(values));
    }

    /** {@code (rows, cols) [[…], […], …]}. */
    public static String of(double[][] rows) {
        if (rows == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("(" + rows.length + ", " + (rows.length == 0 ? 0 : rows[0].length) + ") [");
        for (int i = 0; i < Math.min(SHOWN, rows.length); i++) {
            s.append(i == 0 ? "" : ", ").append(row(rows[i]));
        }
        return s.append(rows.length > SHOWN ? ", …]" : "]").toString();
    }

    /** {@code (rows, cols) [[…], […], …]}. */
    public static String of(float[][] rows) {
        if (rows == null) {
            return "null";
        }
        double[][] d = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            d[i] = toDouble(rows[i]);
        }
        return of(d);
    }

    /** An NDArray's shape, its first values in row-major order and its mean: {@code (4, 16, 64) [0.12, …] mean 0.03}. */
    public static String of(NDArray array) {
        if (array == null) {
            return "null";
        }
        if (array.isReleased()) {
            return array.getShape() + " (closed)";
        }
        float[] flat;
        if (array.getDataType() == DataType.FLOAT32) {
            flat = array.toFloatArray();
        } else {
            try (NDArray converted = array.toType(DataType.FLOAT32, true)) {
                flat = converted.toFloatArray();
            }
        }
        double sum = 0;
        for (float v : flat) {
            sum += v;
        }
        double[] head = new double[Math.min(SHOWN, flat.length)];
        for (int i = 0; i < head.length; i++) {
            head[i] = flat[i];
        }
        String values = row(head);
        if (flat.length > SHOWN) {
            values = values.substring(0, values.length() - 1) + ", …]";
        }
        return array.getShape() + " " + values + " mean " + number(flat.length == 0 ? 0 : sum / flat.length);
    }

    /** A short vector's values without its shape, e.g. a state: {@code [46.9, 3.11]}. */
    public static String values(double[] values) {
        return values == null ? "null" : row(values);
    }

    /** A number with 3 significant digits, without trailing zeros: {@code 20.4}, {@code 0.0123}, {@code 4.5}. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String row(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Math.min(SHOWN, values.length); i++) {
            s.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return s.append(values.length > SHOWN ? ", …]" : "]").toString();
    }

    private static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
