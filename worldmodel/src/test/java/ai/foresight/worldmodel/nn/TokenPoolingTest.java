package ai.foresight.worldmodel.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TokenPoolingTest {

    @ParameterizedTest
    @CsvSource({"8, 4", "5, 2", "7, 3", "4, 1"})
    void poolsEachBinToItsMean(int grid, int tokens) {
        int d = 3;
        try (NDManager m = NDManager.newBaseManager(); TokenPooling pooling = new TokenPooling(m, grid, tokens)) {
            NDArray x = m.randomNormal(new Shape(2, 1, (long) grid * grid, d));
            float[] in = x.toFloatArray();
            float[] out = pooling.pool(x).toFloatArray();
            float[] expected = new float[2 * tokens * tokens * d];
            for (int b = 0; b < 2; b++) {
                for (int ti = 0; ti < tokens; ti++) {
                    for (int tj = 0; tj < tokens; tj++) {
                        // bins by plain double arithmetic, independent of the implementation's integer form
                        int r0 = (int) Math.floor(ti * (double) grid / tokens);
                        int r1 = (int) Math.ceil((ti + 1) * (double) grid / tokens);
                        int c0 = (int) Math.floor(tj * (double) grid / tokens);
                        int c1 = (int) Math.ceil((tj + 1) * (double) grid / tokens);
                        for (int k = 0; k < d; k++) {
                            double sum = 0;
                            for (int r = r0; r < r1; r++) {
                                for (int c = c0; c < c1; c++) {
                                    sum += in[((b * grid * grid) + r * grid + c) * d + k];
                                }
                            }
                            expected[((b * tokens * tokens) + ti * tokens + tj) * d + k] = (float) (sum / ((r1 - r0) * (c1 - c0)));
                        }
                    }
                }
            }
            assertArrayEquals(expected, out, 1e-5f);
        }
    }

    @Test
    void equalGridsPassThroughAndWrongPatchCountsAreRefused() {
        try (NDManager m = NDManager.newBaseManager(); TokenPooling pooling = new TokenPooling(m, 4, 4)) {
            NDArray x = m.ones(new Shape(1, 16, 2));
            assertSame(x, pooling.pool(x));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pooling.pool(m.ones(new Shape(1, 9, 2))));
            assertArrayEquals(new String[] {"features: expected (..., 16, D) for a 4x4 patch grid, got (1, 9, 2)"},
                    new String[] {e.getMessage()});
        }
    }
}
