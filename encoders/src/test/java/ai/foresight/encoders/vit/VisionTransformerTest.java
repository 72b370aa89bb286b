package ai.foresight.encoders.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class VisionTransformerTest {

    @Test
    void tokensHaveClsPlusOnePerPatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            VitConfig c = VitConfig.tiny();
            VisionTransformer vit = new VisionTransformer(c);
            vit.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            NDArray out = vit.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(2, 3, 32, 32))), false)
                    .singletonOrThrow();
            assertEquals(new Shape(2, 1 + 16, 32), out.getShape());
            // a 16 px local crop: 2x2 patches, position embedding resampled
            NDArray local = vit.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(3, 3, 16, 16))), false)
                    .singletonOrThrow();
            assertEquals(new Shape(3, 1 + 4, 32), local.getShape());
            NDArray wide = vit.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(1, 3, 24, 40))), false)
                    .singletonOrThrow();
            assertEquals(new Shape(1, 1 + 15, 32), wide.getShape());
        }
    }

    @Test
    void resamplingAtTheNativeGridIsTheIdentity() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray pos = m.randomNormal(new Shape(1, 1 + 16, 8));
            NDArray same = PositionEmbeddings.resample(pos, 4, 4, 4, 4);
            assertEquals(pos.getShape(), same.getShape());
            assertArrayEquals(pos.toFloatArray(), same.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void resamplingKeepsClsAndConstantsAndGivesTheNewGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray cls = m.create(new float[] {5, -5, 7}, new Shape(1, 1, 3));
            NDArray grid = m.create(new float[] {1, 2, 3}, new Shape(1, 1, 3)).broadcast(1, 16, 3);
            NDArray pos = ai.djl.ndarray.NDArrays.concat(new NDList(cls, grid), 1);
            NDArray small = PositionEmbeddings.resample(pos, 4, 4, 2, 3);
            assertEquals(new Shape(1, 1 + 6, 3), small.getShape());
            float[] v = small.toFloatArray();
            assertArrayEquals(new float[] {5, -5, 7}, java.util.Arrays.copyOfRange(v, 0, 3), 0f);
            for (int i = 1; i < 7; i++) {
                assertArrayEquals(new float[] {1, 2, 3}, java.util.Arrays.copyOfRange(v, 3 * i, 3 * i + 3), 1e-5f,
                        "a constant embedding stays constant at patch " + i);
            }
            assertThrows(IllegalArgumentException.class, () -> PositionEmbeddings.resample(pos, 3, 3, 2, 2));
        }
    }

    @Test
    void resamplingARampFollowsTheRamp() {
        // row-wise ramp over a 4x4 grid; at 8x8 the interior rows must stay ordered and inside the range
        try (NDManager m = NDManager.newBaseManager()) {
            float[] values = new float[1 + 16];
            for (int i = 0; i < 16; i++) {
                values[1 + i] = i / 4;
            }
            NDArray pos = m.create(values, new Shape(1, 17, 1));
            float[] up = PositionEmbeddings.resample(pos, 4, 4, 8, 8).toFloatArray();
            for (int r = 1; r < 8; r++) {
                assertTrue(up[1 + r * 8] >= up[1 + (r - 1) * 8] - 1e-5f, "rows stay ordered at row " + r);
            }
            assertEquals(0f, up[1], 0.1f);
            assertEquals(3f, up[1 + 63], 0.1f);
        }
    }

    @Test
    void rejectsPixelsThatAreNotPatchMultiples() {
        try (NDManager m = NDManager.newBaseManager()) {
            VisionTransformer vit = new VisionTransformer(VitConfig.tiny());
            vit.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                    vit.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(1, 3, 30, 32))), false));
            assertTrue(e.getMessage().startsWith("pixels: expected (B, 3, H, W)"), e.getMessage());
        }
    }

    @Test
    void configRejectsBadShapes() {
        var n = ai.foresight.encoders.PixelNormalization.imagenet();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VitConfig(30, 8, 32, 2, 2, 64, 1, n))
                .getMessage().startsWith("patchSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VitConfig(32, 8, 30, 2, 4, 64, 1, n))
                .getMessage().startsWith("heads"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VitConfig(32, 8, 32, 2, 2, 64, 3, n))
                .getMessage().startsWith("outputPool"));
    }

    @Test
    void flopCountMatchesAHandCount() {
        VitConfig c = new VitConfig(16, 8, 4, 1, 1, 8, 1, ai.foresight.encoders.PixelNormalization.identity());
        // N = 4, L = 5: embed 2*4*192*4 = 6144; proj 2*5*4*16 = 640; attn 4*25*4 = 400; mlp 4*5*4*8 = 640
        assertEquals(6144 + 640 + 400 + 640, c.flopsPerFrame(16, 16), 1e-9);
    }

    @Test
    void sameSeedSameWeights() {
        try (VitPatchEncoder a = VitPatchEncoder.create(VitConfig.tiny(), 11, Device.cpu());
                VitPatchEncoder b = VitPatchEncoder.create(VitConfig.tiny(), 11, Device.cpu());
                VitPatchEncoder c = VitPatchEncoder.create(VitConfig.tiny(), 12, Device.cpu())) {
            assertEquals(a.id(), b.id());
            assertTrue(!a.id().equals(c.id()));
        }
    }
}
