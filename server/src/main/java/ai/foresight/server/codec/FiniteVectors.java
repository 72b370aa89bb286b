package ai.foresight.server.codec;

import ai.foresight.server.core.ApiException;

/** Checks numeric vectors from clients: expected length, every element a finite float. */
public final class FiniteVectors {

    private FiniteVectors() {
    }

    /**
     * Converts to floats, rejecting NaN, infinities and values outside the float range.
     *
     * @param field    the vector's name in the request, for example {@code proprio}
     * @param expected the required length
     * @throws ApiException 400 naming {@code field} (length) or {@code field[i]} (value)
     */
    public static float[] toFloats(double[] values, String field, int expected) {
        if (values.length != expected) {
            throw ApiException.badRequest("invalid_length", field, "expected " + expected + " numbers, got "
                    + values.length);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = (float) values[i];
            if (!Float.isFinite(v)) {
                throw ApiException.badRequest("not_finite", field + "[" + i + "]", "expected a finite number, got "
                        + (Double.isFinite(values[i]) ? values[i] + " (outside the float32 range)" : values[i]));
            }
            out[i] = v;
        }
        return out;
    }
}
