package ai.foresight.adaptation.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.foresight.adaptation.ParameterHash;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.PatchFeatures;
import ai.foresight.encoders.PixelNormalization;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptedPatchEncoderTest {

    @Test
    void startsAsTheIdentityAndNeverTouchesTheBase() {
        try (VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, new AdapterConfig(true, true, 4, 8), 2);
                NDManager m = NDManager.newBaseManager()) {
            String before = ParameterHash.of(vit.network());
            NDArray x = m.randomUniform(0, 1, new Shape(3, 3, 32, 32));
            float[] base = vit.encode(x).toFloatArray();
            NDArray out = adapted.encode(x);
            assertEquals(new Shape(3, 16, 32), out.getShape());
            assertArrayEquals(base, out.toFloatArray(), 1e-5f);
            assertEquals(before, ParameterHash.of(vit.network()));
            assertEquals(16, adapted.tokens());
            assertEquals(2 + 6 + 6, adapted.trainableParameters().size()); // colour, pixel convolutions, features
            assertTrue(adapted.isFrozen());
        }
    }

    @Test
    void pixelPathEqualsEncodeAndPassesGradientsToThePixels() {
        try (VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny().withOutputPool(2), 3, Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            PixelGradientVit path = new PixelGradientVit(vit);
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            assertArrayEquals(vit.encode(x).toFloatArray(), path.encode(x).toFloatArray(), 1e-5f);
            NDArray probe = m.randomNormal(new Shape(2, 4, 32));
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(path.encode(x).mul(probe).sum());
            }
            NDArray grad = x.getGradient();
            assertTrue(grad.abs().sum().getFloat() > 0, "the gradient must reach the pixels");
            // central difference at a few pixels (float32, so a loose tolerance)
            NDArray plain = x.stopGradient();
            for (int[] at : new int[][] {{0, 0, 3, 5}, {1, 2, 20, 17}, {0, 1, 31, 0}}) {
                double h = 1e-2;
                NDIndex index = new NDIndex(at[0], at[1], at[2], at[3]);
                float v = plain.getFloat(at[0], at[1], at[2], at[3]);
                NDArray up = plain.duplicate();
                up.set(index, v + h);
                NDArray down = plain.duplicate();
                down.set(index, v - h);
                double numeric = (vit.encode(up).mul(probe).sum().getFloat() - vit.encode(down).mul(probe).sum().getFloat()) / (2 * h);
                double analytic = grad.getFloat(at[0], at[1], at[2], at[3]);
                assertEquals(numeric, analytic, 0.05 * Math.abs(numeric) + 2e-3, "pixel " + java.util.Arrays.toString(at));
            }
        }
    }

    @Test
    void savesAndLoadsOntoTheSameBaseOnly(@TempDir Path dir) throws IOException {
        try (VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                VitPatchEncoder other = VitPatchEncoder.create(VitConfig.tiny(), 2, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, new AdapterConfig(true, true, 0, 4), 0);
                NDManager m = NDManager.newBaseManager()) {
            String identityId = adapted.id();
            // a known colour change: swap red and blue
            adapted.colorAdapter().getParameters().get("mixing").getArray()
                    .set(m.create(new float[] {0, 0, 1, 0, 1, 0, 1, 0, 0}).toByteBuffer());
            assertNotEquals(identityId, adapted.id());
            assertArrayEquals(new float[] {0, 0, 1}, adapted.colorAdapter().mixingMatrix()[0]);
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            NDArray swapped = x.get(new NDIndex(":, {}", m.create(new int[] {2, 1, 0})));
            assertArrayEquals(vit.encode(swapped).toFloatArray(), adapted.encode(x).toFloatArray(), 1e-5f);
            // a pixel adapter that has moved off its zero start (a fresh load would start it at zero again)
            adapted.trainableParameters().get("pixels/out_weight").getArray()
                    .set(m.randomNormal(0, 0.1f, new Shape(3, 4, 1, 1), ai.djl.ndarray.types.DataType.FLOAT32).toByteBuffer());
            float[] moved = adapted.encode(x).toFloatArray();
            assertTrue(maxAbsDifference(moved, vit.encode(swapped).toFloatArray()) > 1e-4, "the pixel adapter changes the features");
            adapted.save(dir);
            try (AdaptedPatchEncoder loaded = AdaptedPatchEncoder.load(dir, vit)) {
                assertEquals(adapted.id(), loaded.id());
                assertArrayEquals(adapted.encode(x).toFloatArray(), loaded.encode(x).toFloatArray(), 0f);
            }
            IOException e = assertThrows(IOException.class, () -> AdaptedPatchEncoder.load(dir, other));
            assertTrue(e.getMessage().contains("base_id") && e.getMessage().contains(other.id()), e.getMessage());
        }
    }

    @Test
    void colorAdapterNeedsAnEncoderThatPassesGradients() {
        try (PatchEncoder detaching = new MeanColorEncoder()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AdaptedPatchEncoder.wrap(detaching, AdapterConfig.defaults(), 0));
            assertTrue(e.getMessage().startsWith("adapters.color: needs gradients"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> AdaptedPatchEncoder.wrap(detaching, new AdapterConfig(false, true, 0, 8), 0));
            assertTrue(e.getMessage().startsWith("adapters.pixelChannels: needs gradients"), e.getMessage());
            try (AdaptedPatchEncoder ok = AdaptedPatchEncoder.wrap(detaching, AdapterConfig.featuresOnly(), 0)) {
                assertEquals(6, ok.trainableParameters().size()); // scale, shift, down, down_bias, up, up_bias
            }
        }
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** A detaching encoder that is not a ViT: each of 4 quadrants' mean colour, with its negation and zeros (12 dims). */
    static final class MeanColorEncoder implements PatchEncoder {
        @Override
        public PatchFeatures encodeFeatures(NDArray pixels) {
            checkInput(pixels);
            NDArray q = pixels.reshape(pixels.getShape().get(0), 3, 2, 8, 2, 8).mean(new int[] {3, 5}); // (B, 3, 2, 2)
            NDArray tokens = q.reshape(pixels.getShape().get(0), 3, 4).transpose(0, 2, 1);
            return new PatchFeatures(tokens.concat(tokens.neg(), 2).concat(tokens.zerosLike().concat(tokens.zerosLike(), 2), 2)
                    .stopGradient(), null);
        }

        @Override
        public int gridHeight() {
            return 2;
        }

        @Override
        public int gridWidth() {
            return 2;
        }

        @Override
        public int dim() {
            return 12;
        }

        @Override
        public int inputHeight() {
            return 16;
        }

        @Override
        public int inputWidth() {
            return 16;
        }

        @Override
        public PixelNormalization normalization() {
            return PixelNormalization.identity();
        }

        @Override
        public boolean isFrozen() {
            return true;
        }

        @Override
        public String id() {
            return "mean-color";
        }

        @Override
        public void close() {}
    }
}
