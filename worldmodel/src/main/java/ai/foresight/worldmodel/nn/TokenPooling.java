package ai.foresight.worldmodel.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Adaptive average pooling of a row-major {@code G x G} patch grid to a {@code g x g} token grid, done
 * as one matrix product with a precomputed (N, n) averaging matrix. Token (i, j) averages the patches of
 * rows {@code [floor(i·G/g), ceil((i+1)·G/g))} and the same columns, so any G ≥ g works.
 *
 * <p>Pooling is what keeps the predictor's token count, and so a planning population's cost, small:
 * 16 tokens instead of 64 or 196 (ANCHORS: 64 tokens cost 5.6x more per forward than 16).
 */
public final class TokenPooling implements AutoCloseable {
    private final int patchGrid;
    private final int tokenGrid;
    private final NDArray weights; // (N, n); null when the grids are equal

    public TokenPooling(NDManager manager, int patchGrid, int tokenGrid) {
        if (patchGrid <= 0 || tokenGrid <= 0 || tokenGrid > patchGrid) {
            throw new IllegalArgumentException(
                    "tokenGrid: expected 1 to patchGrid (" + patchGrid + "), got " + tokenGrid);
        }
        this.patchGrid = patchGrid;
        this.tokenGrid = tokenGrid;
        if (patchGrid == tokenGrid) {
            this.weights = null;
        } else {
            // a libtorch-allocated (aligned) copy: MKL may round by operand alignment, and Java buffers are not aligned
            try (NDArray fromJava = manager.create(averagingMatrix(patchGrid, tokenGrid),
                    new Shape((long) patchGrid * patchGrid, (long) tokenGrid * tokenGrid))) {
                this.weights = fromJava.duplicate();
            }
        }
    }

    /** Row-major (N, n) weights: column j holds 1/|bin j| at the patches of bin j. */
    static float[] averagingMatrix(int patchGrid, int tokenGrid) {
        int patches = patchGrid * patchGrid;
        int tokens = tokenGrid * tokenGrid;
        float[] w = new float[patches * tokens];
        for (int ti = 0; ti < tokenGrid; ti++) {
            int r0 = Math.floorDiv(ti * patchGrid, tokenGrid);
            int r1 = -Math.floorDiv(-(ti + 1) * patchGrid, tokenGrid);
            for (int tj = 0; tj < tokenGrid; tj++) {
                int c0 = Math.floorDiv(tj * patchGrid, tokenGrid);
                int c1 = -Math.floorDiv(-(tj + 1) * patchGrid, tokenGrid);
                float share = 1f / ((r1 - r0) * (c1 - c0));
                int token = ti * tokenGrid + tj;
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        w[(r * patchGrid + c) * tokens + token] = share;
                    }
                }
            }
        }
        return w;
    }

    /**
     * @param features (..., N, D) patch features, N = patchGrid²
     * @return (..., n, D) pooled tokens, in the manager of {@code features} (the same array when the grids
     *     are equal)
     */
    public NDArray pool(NDArray features) {
        Shape s = features.getShape();
        long patches = (long) patchGrid * patchGrid;
        if (s.dimension() < 2 || s.get(s.dimension() - 2) != patches) {
            throw new IllegalArgumentException("features: expected (..., " + patches + ", D) for a " + patchGrid + "x"
                    + patchGrid + " patch grid, got " + s);
        }
        if (weights == null) {
            return features;
        }
        int last = s.dimension() - 1;
        return features.swapAxes(last - 1, last).matMul(weights).swapAxes(last - 1, last);
    }

    public int tokensPerFrame() {
        return tokenGrid * tokenGrid;
    }

    @Override
    public void close() {
        if (weights != null) {
            weights.close();
        }
    }
}
