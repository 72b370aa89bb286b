package ai.foresight.datasets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of damage is reported as a CorruptDatasetException naming the file and the field. */
class CorruptDatasetTest {
    private static final String EP1 = "episodes/ep-000001.npz";

    @TempDir
    Path dir;
    private EpisodeLayout layout;
    private DatasetManifest manifest;

    @BeforeEach
    void write() throws Exception {
        layout = TestEpisodes.layout(false);
        manifest = DatasetRoundTripTest.writeDataset(dir, layout, 3, StoreConfig.tiny());
    }

    private CorruptDatasetException readFails(int index, String field) throws Exception {
        Dataset ds = Dataset.open(dir);
        CorruptDatasetException e = assertThrows(CorruptDatasetException.class, () -> ds.episode(index));
        assertEquals(DatasetWriter.episodePath(index), e.file(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.file() + ": " + field + ": "), e.getMessage());
        ds.episode(0); // the undamaged episodes still read
        return e;
    }

    /** Replaces episode 1 by an npz built from {@code arrays} and re-lists its size and checksum. */
    private void replaceEpisodeAndFixManifest(Object[][] arrays) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes, 0)) {
            for (Object[] a : arrays) {
                npz.add((String) a[0], (byte[]) a[1]);
            }
        }
        installEpisode1(bytes.toByteArray());
    }

    /** Writes {@code b} as episode 1 and lists its true size and checksum in the manifest. */
    private void installEpisode1(byte[] b) throws Exception {
        Files.write(dir.resolve(EP1), b);
        List<EpisodeFile> files = new ArrayList<>(manifest.files());
        files.set(1, new EpisodeFile(EP1, AtomicFileWriter.sha256Hex(b), b.length));
        DatasetManifest m = new DatasetManifest(manifest.schemaVersion(), manifest.world(), manifest.env(),
                manifest.generator(), manifest.seedRule(), manifest.compressionLevel(), manifest.episodes(),
                manifest.steps(), manifest.height(), manifest.width(), manifest.fields(), manifest.stats(), files);
        Files.write(dir.resolve(DatasetWriter.MANIFEST), StoreJson.toBytes(m));
    }

    /** The arrays of a valid episode 1, with one entry swapped for {@code replacement}. */
    private Object[][] validArraysWith(String name, byte[] replacement) {
        Episode e = TestEpisodes.random(layout, 101);
        int t = layout.steps();
        Object[][] a = {
            {"obs", NpyCodec.encodeUint8(e.obs(), t, layout.height(), layout.width(), 3)},
            {"action", NpyCodec.encodeFloat32(e.action(), t, layout.actionDim())},
            {"proprio", NpyCodec.encodeFloat32(e.proprio(), t, layout.proprioDim())},
            {"state", NpyCodec.encodeFloat64(e.state(), t, layout.stateDim())},
            {"reward", NpyCodec.encodeFloat32(e.reward(), t)},
        };
        for (Object[] row : a) {
            if (row[0].equals(name)) {
                row[1] = replacement;
            }
        }
        return a;
    }

    @Test
    void missingFile() throws Exception {
        Files.delete(dir.resolve(EP1));
        var e = readFails(1, "file");
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] b = Files.readAllBytes(dir.resolve(EP1));
        Files.write(dir.resolve(EP1), java.util.Arrays.copyOf(b, b.length / 2));
        var e = readFails(1, "bytes");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void tamperedByteFailsTheChecksum() throws Exception {
        byte[] b = Files.readAllBytes(dir.resolve(EP1));
        b[b.length / 2] ^= 0x01;
        Files.write(dir.resolve(EP1), b);
        var e = readFails(1, "sha256");
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void shapeDisagreeingWithTheManifest() throws Exception {
        double[] state = new double[layout.steps() * (layout.stateDim() + 1)];
        replaceEpisodeAndFixManifest(validArraysWith("state",
                NpyCodec.encodeFloat64(state, layout.steps(), layout.stateDim() + 1)));
        var e = readFails(1, "state");
        assertEquals(EP1 + ": state: expected shape [6, 2], got [6, 3]", e.getMessage());
    }

    @Test
    void dtypeDisagreeingWithTheManifest() throws Exception {
        float[] state = new float[layout.steps() * layout.stateDim()];
        replaceEpisodeAndFixManifest(validArraysWith("state",
                NpyCodec.encodeFloat32(state, layout.steps(), layout.stateDim())));
        var e = readFails(1, "state");
        assertEquals(EP1 + ": state: expected dtype <f8, got <f4", e.getMessage());
    }

    @Test
    void nanInAFloatField() throws Exception {
        float[] reward = new float[layout.steps()];
        reward[4] = Float.NaN;
        replaceEpisodeAndFixManifest(validArraysWith("reward", NpyCodec.encodeFloat32(reward, layout.steps())));
        var e = readFails(1, "reward");
        assertEquals(EP1 + ": reward: non-finite value NaN at step 4, dimension 0", e.getMessage());
    }

    @Test
    void infinityInTheFloat64State() throws Exception {
        double[] state = new double[layout.steps() * layout.stateDim()];
        state[3] = Double.POSITIVE_INFINITY;
        replaceEpisodeAndFixManifest(validArraysWith("state",
                NpyCodec.encodeFloat64(state, layout.steps(), layout.stateDim())));
        var e = readFails(1, "state");
        assertTrue(e.getMessage().contains("Infinity at step 1, dimension 1"), e.getMessage());
    }

    @Test
    void missingAndUnexpectedArrays() throws Exception {
        Object[][] without = validArraysWith("none", null);
        Object[][] dropped = java.util.Arrays.copyOf(without, without.length - 1);
        replaceEpisodeAndFixManifest(dropped);
        assertTrue(readFails(1, "reward").getMessage().contains("missing from the npz"));
        Object[][] extra = java.util.Arrays.copyOf(without, without.length + 1);
        extra[without.length] = new Object[] {"obs_clean", NpyCodec.encodeUint8(new byte[3], 1, 1, 3)};
        replaceEpisodeAndFixManifest(extra);
        assertTrue(readFails(1, "obs_clean").getMessage().contains("unexpected array"));
    }

    @Test
    void notAZipArchive() throws Exception {
        installEpisode1("definitely not a zip file".getBytes());
        readFails(1, "npz");
    }

    @Test
    void manifestProblemsNameDatasetJsonAndTheField() throws Exception {
        Path json = dir.resolve(DatasetWriter.MANIFEST);
        String good = Files.readString(json);

        Files.writeString(json, good.replace("\"shape\" : [ 6, 2 ]\n    },\n    \"proprio\"", "\"shape\" : [ 6, 5 ]\n    },\n    \"proprio\""));
        var e1 = assertThrows(CorruptDatasetException.class, () -> Dataset.open(dir));
        assertEquals("dataset.json", e1.file());
        assertTrue(e1.getMessage().contains("fields.action"), e1.getMessage());

        Files.writeString(json, good.replace("\"dtype\" : \"<f8\"", "\"dtype\" : \"<i8\""));
        var e2 = assertThrows(CorruptDatasetException.class, () -> Dataset.open(dir));
        assertTrue(e2.getMessage().startsWith("dataset.json: fields.state: dtype: expected one of"), e2.getMessage());

        Files.writeString(json, good.replace("\"schema_version\" : 1", "\"schema_version\" : 9"));
        var e3 = assertThrows(CorruptDatasetException.class, () -> Dataset.open(dir));
        assertTrue(e3.getMessage().contains("schema_version: expected 1, got 9"), e3.getMessage());

        Files.writeString(json, good.substring(0, good.length() / 2));
        var e4 = assertThrows(CorruptDatasetException.class, () -> Dataset.open(dir));
        assertEquals("dataset.json", e4.file());

        Files.writeString(json, good.replace("\"path\" : \"episodes/ep-000001.npz\"", "\"path\" : \"../../etc/passwd\""));
        var e5 = assertThrows(CorruptDatasetException.class, () -> Dataset.open(dir));
        assertEquals("files[1].path", e5.field());

        Files.delete(json);
        var e6 = assertThrows(CorruptDatasetException.class, () -> Dataset.open(dir));
        assertEquals("dataset.json: file: ", e6.getMessage().substring(0, 20));
    }
}
