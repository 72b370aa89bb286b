package ai.foresight.experiments.imagine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.worldmodel.DecoderConfig;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.data.DataNormalization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A tiny world to imagine in: one recorded 20-step Wall episode at 32 px, the tiny ViT (4x4 patches of 32
 * dims), and a fresh tiny world model (history 2, frameskip 2) with a 16 px pixel decoder.
 */
final class ImagineFixture implements AutoCloseable {
    final NDManager manager = NDManager.newBaseManager("PyTorch");
    final VitPatchEncoder encoder = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
    final Dataset dataset;
    final Episode episode;
    final DataNormalization normalization;

    ImagineFixture(Path dir) throws IOException {
        DatasetGenerator.generate(new GenerateSpec("wall", 1, 20, 32, List.of(), 3), dir, done -> {});
        dataset = Dataset.open(dir);
        episode = dataset.episode(0);
        normalization = DataNormalization.fromManifest(dataset.manifest());
    }

    static WorldModelConfig modelConfig(boolean decoder) {
        WorldModelConfig c = WorldModelConfig.features(PredictorConfig.tiny().withEncoder(32, 4));
        return decoder ? c.withDecoder(new DecoderConfig(16, 16)) : c;
    }

    /** A fresh model: its zero-initialised latent head copies the last frame. */
    WorldModel copyLastModel(boolean decoder) {
        return WorldModel.create(modelConfig(decoder), 5, manager);
    }

    /** A fresh model whose latent head is redrawn, so imagined frames move with the actions. */
    WorldModel movingModel() {
        WorldModel model = copyLastModel(true);
        Random random = new Random(9);
        for (Pair<String, Parameter> p : model.parameters()) {
            if (p.getKey().endsWith("latent_head_weight")) {
                NDArray w = p.getValue().getArray();
                float[] values = new float[Math.toIntExact(w.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian() * 0.2f;
                }
                w.set(values);
            }
        }
        return model;
    }

    @Override
    public void close() {
        encoder.close();
        manager.close();
    }
}
