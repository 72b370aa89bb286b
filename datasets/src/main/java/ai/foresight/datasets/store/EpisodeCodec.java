package ai.foresight.datasets.store;

import static ai.foresight.datasets.store.EpisodeLayout.ACTION;
import static ai.foresight.datasets.store.EpisodeLayout.OBS;
import static ai.foresight.datasets.store.EpisodeLayout.OBS_CLEAN;
import static ai.foresight.datasets.store.EpisodeLayout.PROPRIO;
import static ai.foresight.datasets.store.EpisodeLayout.REWARD;
import static ai.foresight.datasets.store.EpisodeLayout.STATE;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Turns an {@link Episode} into npz bytes and back, validating every array against a layout. */
public final class EpisodeCodec {
    private EpisodeCodec() {}

    /**
     * Writes {@code ep} as an npz archive to {@code out} (not closed).
     *
     * @throws IllegalArgumentException naming the field if the episode does not fit {@code layout}
     *     or holds a NaN or infinity
     */
    public static void write(Episode ep, EpisodeLayout layout, OutputStream out, int compressionLevel) throws IOException {
        layout.check(ep);
        long t = layout.steps();
        NpzWriter npz = new NpzWriter(out, compressionLevel);
        npz.add(OBS, NpyCodec.encodeUint8(ep.obs(), t, layout.height(), layout.width(), 3));
        if (layout.withClean()) {
            npz.add(OBS_CLEAN, NpyCodec.encodeUint8(ep.obsClean(), t, layout.height(), layout.width(), 3));
        }
        npz.add(ACTION, NpyCodec.encodeFloat32(ep.action(), t, layout.actionDim()));
        npz.add(PROPRIO, NpyCodec.encodeFloat32(ep.proprio(), t, layout.proprioDim()));
        npz.add(STATE, NpyCodec.encodeFloat64(ep.state(), t, layout.stateDim()));
        npz.add(REWARD, NpyCodec.encodeFloat32(ep.reward(), t));
        npz.finish();
    }

    /**
     * Decodes the npz archive {@code bytes} and checks it against {@code layout}: every array present
     * and no other, dtypes, C order, shapes, data lengths, and finite float values.
     *
     * @param file file name used in error messages
     * @throws CorruptDatasetException naming {@code file} and the offending field
     */
    public static Episode read(byte[] bytes, String file, EpisodeLayout layout) throws CorruptDatasetException {
        Map<String, byte[]> entries = NpzReader.read(bytes, file);
        Map<String, FieldSpec> fields = layout.fields();
        for (String name : entries.keySet()) {
            if (!fields.containsKey(name)) {
                throw new CorruptDatasetException(file, name, "unexpected array; the manifest lists " + fields.keySet());
            }
        }
        byte[] obs = (byte[]) decode(entries, fields, OBS, file);
        byte[] clean = layout.withClean() ? (byte[]) decode(entries, fields, OBS_CLEAN, file) : null;
        float[] action = (float[]) decode(entries, fields, ACTION, file);
        float[] proprio = (float[]) decode(entries, fields, PROPRIO, file);
        double[] state = (double[]) decode(entries, fields, STATE, file);
        float[] reward = (float[]) decode(entries, fields, REWARD, file);
        requireFinite(action, layout.actionDim(), file, ACTION);
        requireFinite(proprio, layout.proprioDim(), file, PROPRIO);
        requireFinite(reward, 1, file, REWARD);
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new CorruptDatasetException(file, STATE, "non-finite value " + state[i] + " at step "
                        + i / layout.stateDim() + ", dimension " + i % layout.stateDim());
            }
        }
        return new Episode(layout.steps(), layout.height(), layout.width(), obs, clean, layout.actionDim(), action,
                layout.proprioDim(), proprio, layout.stateDim(), state, reward);
    }

    private static Object decode(Map<String, byte[]> entries, Map<String, FieldSpec> fields, String name, String file)
            throws CorruptDatasetException {
        byte[] npy = entries.get(name);
        if (npy == null) {
            throw new CorruptDatasetException(file, name, "array missing from the npz (entries: " + entries.keySet() + ")");
        }
        return NpyCodec.decode(npy, fields.get(name), file, name);
    }

    private static void requireFinite(float[] values, int dim, String file, String field) throws CorruptDatasetException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new CorruptDatasetException(file, field, "non-finite value " + values[i] + " at step " + i / dim
                        + ", dimension " + i % dim);
            }
        }
    }
}
