package ai.foresight.experiments.adapt;

import ai.foresight.adaptation.encoder.AdaptedPatchEncoder;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.worldmodel.WorldModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The result of an adaptation on disk, beside the untouched model directory: the encoder's adapters
 * ({@code adapters.json}, {@code adapters.params}, on the model's frozen encoder) and the world model's
 * parameters after adaptation ({@code world-model.params}; only the RePo posterior differs from the
 * model's checkpoint). {@link #load} puts both back onto a loaded model.
 */
public final class AdaptedFiles {
    public static final String WORLD_MODEL = "world-model.params";

    private AdaptedFiles() {}

    /** Writes the adapters and the adapted world model into {@code dir}, each file atomically. */
    public static void save(Path dir, AdaptedPatchEncoder encoder, WorldModel model) throws IOException {
        encoder.save(dir);
        AtomicFileWriter.writeFile(dir.resolve(WORLD_MODEL), f -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f))) {
                DataOutputStream data = new DataOutputStream(out);
                model.save(data);
                data.flush();
            }
        });
    }

    /**
     * Replaces {@code model}'s parameters with the adapted ones (in place) and wraps {@code base} with the
     * saved adapters.
     *
     * @throws IOException naming the file when something is missing or belongs to another model or encoder
     */
    public static AdaptedPatchEncoder load(Path dir, PatchEncoder base, WorldModel model) throws IOException {
        Path params = dir.resolve(WORLD_MODEL);
        if (!Files.isRegularFile(params)) {
            throw new IOException(params + ": missing (not an adaptation folder written by 'foresight adapt')");
        }
        AdaptedPatchEncoder encoder = AdaptedPatchEncoder.load(dir, base);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            model.load(new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw new IOException(params + ": " + e.getMessage(), e);
        }
        return encoder;
    }
}
