package ai.foresight.encoders.torchscript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.foresight.encoders.PixelNormalization;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses the fixtures made by {@code src/test/resources/fixtures/make_tiny_vit.py} (PyTorch 1.13 traces). */
class TorchScriptPatchEncoderTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(TorchScriptPatchEncoderTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static TorchScriptConfig tiny(Path file) {
        return new TorchScriptConfig(file, 28, 14, 0, PixelNormalization.imagenet());
    }

    @Test
    void reproducesThePythonReferenceOutput() throws Exception {
        try (TorchScriptPatchEncoder enc = TorchScriptPatchEncoder.load(tiny(fixture("tiny_vit.pt")), Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            assertEquals(2, enc.gridHeight());
            assertEquals(24, enc.dim());
            NDArray pixels = m.create(floats(fixture("tiny_vit_input.f32")), new Shape(2, 3, 28, 28));
            NDArray out = enc.encode(pixels);
            assertEquals(new Shape(2, 4, 24), out.getShape());
            assertEquals(m, out.getManager());
            assertArrayEquals(floats(fixture("tiny_vit_output.f32")), out.toFloatArray(), 1e-4f);
        }
    }

    @Test
    void skippingTokensIsCheckedAgainstTheGrid() throws Exception {
        // the fixture returns exactly 4 patch tokens: asking to skip a CLS token must fail clearly
        IOException e = assertThrows(IOException.class, () -> TorchScriptPatchEncoder.load(
                new TorchScriptConfig(fixture("tiny_vit.pt"), 28, 14, 1, PixelNormalization.imagenet()), Device.cpu()));
        assertTrue(e.getMessage().contains("returned (1, 4, 24) for a (1, 3, 28, 28) input; expected one (1, 5, D) array"),
                e.getMessage());
    }

    @Test
    void aModelWithTheWrongOutputShapeIsRejected() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> TorchScriptPatchEncoder.load(tiny(fixture("tiny_pooled.pt")), Device.cpu()));
        assertTrue(e.getMessage().contains("returned (1, 24)"), e.getMessage());
        assertTrue(e.getMessage().contains("2x2 patch tokens"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("dinov2_vits14.pt");
        IOException e = assertThrows(IOException.class, () -> TorchScriptPatchEncoder.load(tiny(missing), Device.cpu()));
        assertEquals("modelFile: no TorchScript file at " + missing.toAbsolutePath(), e.getMessage());
    }

    @Test
    void aFileThatIsNotTorchScriptIsRejected(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.pt");
        Files.writeString(junk, "not a model");
        IOException e = assertThrows(IOException.class, () -> TorchScriptPatchEncoder.load(tiny(junk), Device.cpu()));
        assertTrue(e.getMessage().contains("is not a loadable TorchScript module"), e.getMessage());
    }

    @Test
    void idDependsOnTheFileAndSettingsAndOutputsCarryNoGradient() throws Exception {
        try (TorchScriptPatchEncoder a = TorchScriptPatchEncoder.load(tiny(fixture("tiny_vit.pt")), Device.cpu());
                TorchScriptPatchEncoder b = TorchScriptPatchEncoder.load(tiny(fixture("tiny_vit.pt")), Device.cpu());
                TorchScriptPatchEncoder c = TorchScriptPatchEncoder.load(new TorchScriptConfig(fixture("tiny_vit.pt"), 28, 14, 0,
                        PixelNormalization.identity()), Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            assertEquals(a.id(), b.id());
            assertNotEquals(a.id(), c.id());
            NDArray x = m.randomUniform(0, 1, new Shape(1, 3, 28, 28));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = a.encode(x);
                assertTrue(!out.hasGradient(), "the output is detached");
            }
            assertThrows(IllegalArgumentException.class, () -> a.encode(m.zeros(new Shape(1, 3, 32, 32))));
        }
    }
}
