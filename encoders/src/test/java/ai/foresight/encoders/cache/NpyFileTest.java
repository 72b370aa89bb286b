package ai.foresight.encoders.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {

    private static float[] expected() {
        float[] v = new float[24];
        for (int i = 0; i < 24; i++) {
            v[i] = (float) ((i - 11.5) / 7.0);
        }
        return v;
    }

    @Test
    void readsFilesWrittenByNumpy() throws Exception {
        Path f4 = Path.of(getClass().getResource("/fixtures/numpy_f4.npy").toURI());
        Path f2 = Path.of(getClass().getResource("/fixtures/numpy_f2.npy").toURI());
        NpyFile.Array a = NpyFile.read(f4);
        assertArrayEquals(new long[] {2, 3, 4}, a.shape());
        assertArrayEquals(expected(), a.values(), 0f);
        NpyFile.Array h = NpyFile.read(f2);
        assertArrayEquals(new long[] {2, 3, 4}, h.shape());
        assertArrayEquals(expected(), h.values(), 2e-3f);
    }

    @Test
    void writesWhatNumpyWritesAndReadsItBack(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("a.npy");
        NpyFile.write(ours, new long[] {2, 3, 4}, expected(), FeaturePrecision.FLOAT32);
        Path numpy = Path.of(getClass().getResource("/fixtures/numpy_f4.npy").toURI());
        assertArrayEquals(Files.readAllBytes(numpy), Files.readAllBytes(ours), "byte-identical to numpy.save");
        Path half = dir.resolve("h.npy");
        NpyFile.write(half, new long[] {2, 3, 4}, expected(), FeaturePrecision.FLOAT16);
        assertArrayEquals(Files.readAllBytes(Path.of(getClass().getResource("/fixtures/numpy_f2.npy").toURI())),
                Files.readAllBytes(half), "float16 bytes equal numpy's rounding");
    }

    @Test
    void rejectsOtherFiles(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "hello", StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> NpyFile.read(junk));
        assertTrue(e.getMessage().contains("expected a version-1 .npy file") || e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyFile.write(dir.resolve("x.npy"), new long[] {3}, new float[2],
                FeaturePrecision.FLOAT32));
    }

    @Test
    void halfFloatMatchesKnownEncodingsAndRoundTripsEveryHalf() {
        assertEquals((short) 0x3C00, HalfFloat.fromFloat(1f));
        assertEquals((short) 0xC000, HalfFloat.fromFloat(-2f));
        assertEquals((short) 0x7BFF, HalfFloat.fromFloat(65504f));
        assertEquals((short) 0x7C00, HalfFloat.fromFloat(65520f));
        assertEquals((short) 0x0001, HalfFloat.fromFloat(0x1p-24f));
        assertEquals((short) 0x2E66, HalfFloat.fromFloat(0.1f));
        assertEquals((short) 0x3C00, HalfFloat.fromFloat(1f + 0x1p-11f), "ties go to even");
        assertEquals((short) 0x3C02, HalfFloat.fromFloat(1f + 3 * 0x1p-11f), "ties go to even, upwards");
        assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))));
        for (int bits = 0; bits < 0x10000; bits++) {
            short h = (short) bits;
            float f = HalfFloat.toFloat(h);
            if (!Float.isNaN(f)) {
                assertEquals(h, HalfFloat.fromFloat(f), "half 0x" + Integer.toHexString(bits));
            }
        }
    }
}
