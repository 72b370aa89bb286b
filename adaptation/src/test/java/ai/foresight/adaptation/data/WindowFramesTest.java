package ai.foresight.adaptation.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.adaptation.SourceFrames;
import ai.foresight.adaptation.TargetBatch;
import ai.foresight.datasets.window.WindowBatch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WindowFramesTest {

    /** B = 2 windows of F = 3 frames of 4x4 pixels, k = 2, A = 1, P = 1, S = 2; state and reward filled with {@code fill}. */
    private static WindowBatch window(double fill, boolean clean) {
        int b = 2;
        int f = 3;
        byte[] obs = new byte[b * f * 4 * 4 * 3];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (byte) (i * 7);
        }
        byte[] obsClean = clean ? new byte[obs.length] : null;
        if (clean) {
            Arrays.fill(obsClean, (byte) 255);
        }
        float[] actions = new float[b * f * 2];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = i;
        }
        float[] proprio = {1, 2, 3, 4, 5, 6};
        double[] state = new double[b * f * 2];
        Arrays.fill(state, fill);
        float[] reward = new float[b * f];
        Arrays.fill(reward, (float) fill);
        return new WindowBatch(b, f, 4, 4, 2, 1, 1, 2, obs, obsClean, actions, proprio, state, reward,
                new int[] {0, 1}, new int[] {0, 0});
    }

    @Test
    void copiesFramesActionsProprioAndPairsOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            TargetBatch a = WindowFrames.target(m, window(0, true), 4, true, true);
            TargetBatch b = WindowFrames.target(m, window(1e9, true), 4, true, true);
            assertEquals(new Shape(2, 3, 3, 4, 4), a.frames().getShape());
            assertArrayEquals(a.frames().toFloatArray(), b.frames().toFloatArray(), 0f); // state and reward never read
            // pixel (b=0, frame 0, row 0, col 1) channel G is byte index 4 → (4·7) & 0xFF = 28
            assertEquals(28 / 255f, a.frames().getFloat(0, 0, 1, 0, 1), 1e-7);
            // actions: the row after each window's last frame is dropped → (2, 2, 2)
            assertArrayEquals(new float[] {0, 1, 2, 3, 6, 7, 8, 9}, a.actions().toFloatArray());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.proprio().toFloatArray());
            assertEquals(1f, a.pairedFrames().getFloat(1, 2, 2, 3, 3));
            TargetBatch bare = WindowFrames.target(m, window(0, false), 8, false, true);
            assertEquals(new Shape(2, 3, 3, 8, 8), bare.frames().getShape()); // resized to the encoder's side
            assertNull(bare.proprio());
            assertNull(bare.pairedFrames());
            SourceFrames s = WindowFrames.source(m, window(0, false), 4);
            assertEquals(new Shape(6, 3, 4, 4), s.frames().getShape());
            assertArrayEquals(a.frames().toFloatArray(), s.frames().toFloatArray(), 0f);
        }
    }
}
