package ai.foresight.experiments.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.experiments.pipeline.ModelManifest;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.worldmodel.DecoderConfig;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.checkpoint.Checkpoints;
import ai.foresight.worldmodel.checkpoint.Provenance;
import ai.foresight.worldmodel.data.DataNormalization;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a model directory in the layout {@link TrainedModel#load} reads (model.json, a copy of the encoder,
 * a checkpoint with provenance) around a fresh tiny world model, with or without a pixel decoder, without
 * training it: what the imagine job needs to be tested in seconds.
 */
final class ModelDirectoryFixture {
    private ModelDirectoryFixture() {}

    static Path write(Path dir, Path data, boolean decoder) throws IOException {
        DatasetManifest manifest = Dataset.open(data).manifest();
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                VitPatchEncoder encoder = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu())) {
            encoder.save(dir.resolve(TrainedModel.ENCODER_DIR));
            PredictorConfig p = PredictorConfig.tiny().withEncoder(encoder.dim(), encoder.gridHeight());
            WorldModelConfig config = WorldModelConfig.features(p);
            if (decoder) {
                config = config.withDecoder(new DecoderConfig(16, 16));
            }
            try (WorldModel model = WorldModel.create(config, 2, manager)) {
                Path checkpoint = Checkpoints.save(dir.resolve("checkpoints"),
                        new Provenance(Provenance.FORMAT, encoder.id(), config, null, 0, null, Map.of(), "now"), model, null);
                ModelManifest m = new ModelManifest(ModelManifest.FORMAT, manifest.world(), manifest.height(),
                        manifest.env().actionLow(), manifest.env().actionHigh(), "tiny", "dino-wm", "random-tiny", encoder.id(),
                        TrainedModel.ENCODER_DIR, DataNormalization.fromManifest(manifest), dir.relativize(checkpoint).toString(),
                        0, data.toString(), manifest.episodes(), "now");
                new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .writeValue(dir.resolve(TrainedModel.MANIFEST).toFile(), m);
            }
        }
        return dir;
    }
}
