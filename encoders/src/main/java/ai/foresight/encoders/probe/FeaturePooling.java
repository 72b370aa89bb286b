package ai.foresight.encoders.probe;

import ai.djl.ndarray.NDArray;

/** How patch features (B, N, D) become one vector per frame for a probe. */
public enum FeaturePooling {
    /** Mean over patches: (B, D). Keeps what is everywhere, loses where it is. */
    MEAN,
    /** All patches side by side: (B, N·D). Keeps position, costs N times the width. */
    FLATTEN;

    /** Pools {@code features} (B, N, D); the result is in the input's manager. */
    public NDArray apply(NDArray features) {
        var s = features.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException("features: expected (B, N, D), got " + s);
        }
        return this == MEAN ? features.mean(new int[] {1}) : features.reshape(s.get(0), s.get(1) * s.get(2));
    }
}
