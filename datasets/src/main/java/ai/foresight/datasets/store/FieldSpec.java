package ai.foresight.datasets.store;

import java.util.List;

/**
 * Dtype and per-episode shape of one array of an episode file, as recorded in the manifest.
 *
 * @param dtype npy descr string, e.g. {@code |u1}, {@code <f4}, {@code <f8}
 * @param shape dimensions, e.g. {@code [T, H, W, 3]}
 */
public record FieldSpec(String dtype, List<Long> shape) {
    public FieldSpec {
        if (Dtype.fromDescr(dtype) == null) {
            throw new IllegalArgumentException("dtype: expected one of |u1, <f4, <f8, got " + dtype);
        }
        shape = List.copyOf(shape);
        for (Long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape: expected non-negative dimensions, got " + shape);
            }
        }
    }

    static FieldSpec of(Dtype dtype, long... shape) {
        Long[] boxed = new Long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            boxed[i] = shape[i];
        }
        return new FieldSpec(dtype.descr(), List.of(boxed));
    }

    /** The dtype as an enum. */
    public Dtype type() {
        return Dtype.fromDescr(dtype);
    }

    /** Number of elements, the product of the shape. */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
