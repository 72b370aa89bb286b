package ai.foresight.datasets.worlds;

import java.util.List;

/**
 * Input checks for state and goal vectors, with messages that name the field, the index, the
 * dimension's name and what was expected, e.g. {@code "goal[1] (y): expected 1.5..62.5, got 70.0"}.
 */
final class StateChecks {
    private StateChecks() {}

    /** Non-null, the expected length, every entry finite. */
    static void requireVector(String field, double[] v, List<String> names) {
        if (v == null) {
            throw new IllegalArgumentException(field + ": expected a vector of length " + names.size() + " "
                    + names + ", got null");
        }
        if (v.length != names.size()) {
            throw new IllegalArgumentException(field + ": expected length " + names.size() + " " + names + ", got "
                    + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(label(field, i, names) + ": expected a finite number, got " + v[i]);
            }
        }
    }

    /** {@code lo <= v[i] <= hi}. */
    static void requireRange(String field, double[] v, int i, List<String> names, double lo, double hi) {
        if (v[i] < lo || v[i] > hi) {
            throw new IllegalArgumentException(label(field, i, names) + ": expected " + lo + ".." + hi + ", got " + v[i]);
        }
    }

    /** The field, index and dimension name as they appear in messages: {@code state[2] (wall_x)}. */
    static String label(String field, int i, List<String> names) {
        return field + "[" + i + "] (" + names.get(i) + ")";
    }
}
