package ai.foresight.encoders.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchFeatures;
import ai.foresight.encoders.optim.AdamW;
import ai.foresight.encoders.optim.AdamWConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VitPatchEncoderTest {

    @Test
    void encodesPatchesAndClsWithTheDeclaredShapes() {
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            assertEquals(4, enc.gridHeight());
            assertEquals(16, enc.tokens());
            PatchFeatures f = enc.encodeFeatures(m.randomUniform(0, 1, new Shape(5, 3, 32, 32)));
            assertEquals(new Shape(5, 16, 32), f.patches().getShape());
            assertEquals(new Shape(5, 32), f.cls().getShape());
            assertEquals(m, f.patches().getManager(), "output belongs to the caller's manager");
            assertTrue(enc.isFrozen());
        }
    }

    @Test
    void outputPoolingAveragesPatchBlocks() {
        VitConfig pooled = VitConfig.tiny().withOutputPool(2);
        try (VitPatchEncoder full = VitPatchEncoder.create(VitConfig.tiny(), 4, Device.cpu());
                VitPatchEncoder half = VitPatchEncoder.create(pooled, 4, Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            NDArray a = full.encode(x); // (2, 16, 32), 4x4 grid
            NDArray b = half.encode(x); // (2, 4, 32), 2x2 grid
            assertEquals(new Shape(2, 4, 32), b.getShape());
            assertEquals(2, half.gridWidth());
            // top-left pooled token = mean of grid cells (0,0), (0,1), (1,0), (1,1) = tokens 0, 1, 4, 5
            NDArray expected = a.get("0, 0, :").add(a.get("0, 1, :")).add(a.get("0, 4, :")).add(a.get("0, 5, :")).div(4);
            assertArrayEquals(expected.toFloatArray(), b.get("0, 0, :").toFloatArray(), 1e-5f);
        }
    }

    @Test
    void rejectsInputOfTheWrongSize() {
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.encode(m.zeros(new Shape(1, 3, 64, 64))));
            assertEquals("pixels: expected (B, 3, 32, 32), got (1, 3, 64, 64)", e.getMessage());
        }
    }

    @Test
    void frozenEncoderTakesNoGradientAndDoesNotChangeWhenADownstreamModelTrains() {
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 2, Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Linear head = Linear.builder().setUnits(2).build();
            head.initialize(m, DataType.FLOAT32, new Shape(4, 32));
            List<float[]> before = weights(enc);
            String idBefore = enc.id();
            float[] headBefore = head.getParameters().get(0).getValue().getArray().toFloatArray();
            try (AdamW opt = new AdamW(AdamWConfig.defaults(), m)) {
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.randomUniform(0, 1, new Shape(4, 3, 32, 32));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray pooled = enc.encode(x).mean(new int[] {1}); // (4, 32)
                        NDArray y = head.forward(new ParameterStore(step, false), new NDList(pooled), true).singletonOrThrow();
                        gc.backward(y.square().mean());
                    }
                    for (Pair<String, Parameter> p : enc.network().getParameters()) {
                        assertFalse(p.getValue().requiresGradient(), p.getKey() + " must be frozen");
                        assertFalse(p.getValue().getArray().hasGradient(), p.getKey() + " must hold no gradient");
                    }
                    opt.step(head.getParameters(), 1e-2);
                }
            }
            List<float[]> after = weights(enc);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 0f, "encoder parameter " + i + " changed");
            }
            assertEquals(idBefore, enc.id());
            float[] headAfter = head.getParameters().get(0).getValue().getArray().toFloatArray();
            assertFalse(java.util.Arrays.equals(headBefore, headAfter), "the downstream head must have trained");
        }
    }

    @Test
    void trainableEncoderDoesReceiveGradient() {
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 2, Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            enc.setTrainable(true);
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(enc.encode(x).square().mean());
            }
            NDArray g = enc.network().getParameters().get(0).getValue().getArray().getGradient();
            assertTrue(g.abs().sum().getFloat() > 0, "an unfrozen encoder must get a gradient");
            g.close();
            enc.setTrainable(false);
            assertTrue(enc.isFrozen());
        }
    }

    @Test
    void saveAndLoadReproduceFeaturesAndId(@TempDir Path dir) throws IOException {
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny().withOutputPool(2), 8, Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            enc.save(dir);
            try (VitPatchEncoder back = VitPatchEncoder.load(dir, Device.cpu())) {
                NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
                assertArrayEquals(enc.encode(x).toFloatArray(), back.encode(x).toFloatArray(), 0f);
                assertEquals(enc.id(), back.id());
                assertEquals(enc.config(), back.config());
            }
        }
    }

    @Test
    void loadingAMissingFolderSaysWhatIsMissing(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> VitPatchEncoder.load(dir.resolve("nope"), Device.cpu()));
        assertTrue(e.getMessage().contains("expected encoder.json and encoder.params"), e.getMessage());
    }

    @Test
    void weightsThatDoNotMatchTheConfigAreRejected(@TempDir Path dir) throws IOException {
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 8, Device.cpu())) {
            enc.save(dir);
        }
        String json = Files.readString(dir.resolve("encoder.json")).replace("\"depth\" : 2", "\"depth\" : 3");
        Files.writeString(dir.resolve("encoder.json"), json);
        IOException e = assertThrows(IOException.class, () -> VitPatchEncoder.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("weights do not match"), e.getMessage());
    }

    @Test
    void framesBecomeNormalisedInputAfterResize() {
        Frame f = new Frame(64, 64, new byte[64 * 64 * 3]);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                f.set(y, x, 255, x < 32 ? 0 : 255, 51);
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray batch = FramePixels.toBatch(m, List.of(f, f), 32, 32);
            assertEquals(new Shape(2, 3, 32, 32), batch.getShape());
            assertEquals(1f, batch.get("0, 0, 5, 5").getFloat(), 1e-6f);
            assertEquals(0f, batch.get("1, 1, 5, 5").getFloat(), 1e-6f);
            assertEquals(1f, batch.get("1, 1, 5, 30").getFloat(), 1e-6f);
            assertEquals(0.2f, batch.get("0, 2, 9, 9").getFloat(), 1e-6f);
            assertThrows(IllegalArgumentException.class, () -> FramePixels.toBatch(m, List.of(), 32, 32));
        }
    }

    private static List<float[]> weights(VitPatchEncoder enc) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : enc.network().getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
