package ai.foresight.experiments.encode;

import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.store.DatasetWriter;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.EpisodeLayout;
import ai.foresight.datasets.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stored dataset whose frames spell out their state: pixel (0, 0) holds x in red and y in green
 * (0..255), while {@code hidden} is random and appears nowhere in the frame. A correct probe recovers
 * x and y exactly and {@code hidden} not at all.
 */
final class SyntheticDataset {
    static final List<String> STATE = List.of("x", "y", "hidden");

    private SyntheticDataset() {}

    static Path write(Path dir, int episodes, int steps, int size, long seed) throws IOException {
        EpisodeLayout layout = new EpisodeLayout(steps, size, size, 1, 1, STATE.size(), false);
        DatasetWriter writer = new DatasetWriter(dir, layout, StoreConfig.tiny());
        SplittableRandom random = new SplittableRandom(seed);
        List<DatasetWriter.EpisodeSummary> summaries = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            byte[] obs = new byte[steps * size * size * 3];
            double[] state = new double[steps * STATE.size()];
            for (int t = 0; t < steps; t++) {
                int x = random.nextInt(256);
                int y = random.nextInt(256);
                int base = t * size * size * 3;
                obs[base] = (byte) x;
                obs[base + 1] = (byte) y;
                state[t * 3] = x;
                state[t * 3 + 1] = y;
                state[t * 3 + 2] = random.nextDouble();
            }
            summaries.add(writer.write(e, new Episode(steps, size, size, obs, null, 1, new float[steps], 1,
                    new float[steps], STATE.size(), state, new float[steps])));
        }
        EnvSpec env = new EnvSpec("synthetic", size, size, new double[] {-1}, new double[] {1}, STATE, List.of("p"), 1.0);
        writer.finish("synthetic", env, null, null, summaries);
        return dir;
    }
}
