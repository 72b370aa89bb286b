package ai.foresight.worldmodel.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import java.util.Arrays;

/**
 * Times one predictor forward and one CEM-sized workload (10 iterations x a horizon-5 rollout) at a
 * planning batch, for a preset. Not a unit test: run it by hand,
 * {@code java -cp <test classpath> ai.foresight.worldmodel.bench.RolloutBenchmark wall 300}.
 */
public final class RolloutBenchmark {
    private RolloutBenchmark() {}

    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "wall";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int horizon = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        PredictorConfig p = PredictorConfig.preset(preset);
        if (args.length > 5) {
            p = p.withEncoder(Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        }
        try (NDManager root = NDManager.newBaseManager();
                WorldModel model = WorldModel.create(WorldModelConfig.features(p), 1, root)) {
            int h = p.historyFrames();
            System.out.printf("preset %s: %d tokens x width %d x depth %d, history %d, %,d parameters%n",
                    preset, p.tokensPerFrame(), p.width(), p.depth(), h, model.parameterCount());
            double[] forwardMs = new double[15];
            double[] planMs = new double[5];
            for (int rep = 0; rep < forwardMs.length; rep++) {
                try (NDManager m = root.newSubManager()) {
                    NDArray lat = m.randomNormal(new Shape(batch, h, p.tokensPerFrame(), p.featureDim()));
                    NDArray act = m.randomNormal(new Shape(batch, h, p.frameActionDim()));
                    NDArray prop = p.proprioDim() > 0 ? m.randomNormal(new Shape(batch, h, p.proprioDim())) : null;
                    long t0 = System.nanoTime();
                    model.predictor().predict(model.parameterStore(), lat, act, prop, false).mean().toFloatArray();
                    forwardMs[rep] = (System.nanoTime() - t0) / 1e6;
                }
            }
            for (int rep = 0; rep < planMs.length; rep++) {
                try (NDManager m = root.newSubManager()) {
                    NDArray feats = m.randomNormal(new Shape(1, h, p.patchesPerFrame(), p.featureDim()));
                    NDArray prop = p.proprioDim() > 0 ? m.randomNormal(new Shape(1, h, p.proprioDim())) : null;
                    NDArray past = h > 1 ? m.randomNormal(new Shape(1, h - 1, p.frameActionDim())) : null;
                    long t0 = System.nanoTime();
                    LatentContext ctx = model.context(feats, prop, past);
                    for (int it = 0; it < iterations; it++) {
                        try (NDManager step = m.newSubManager()) {
                            NDArray actions = step.randomNormal(new Shape(batch, horizon, p.frameActionDim()));
                            model.rollout(ctx, actions).latents().get(":, -1").toFloatArray();
                        }
                    }
                    planMs[rep] = (System.nanoTime() - t0) / 1e6;
                }
            }
            System.out.printf("forward at batch %d (full history): min %.1f ms, median %.1f ms %s%n", batch,
                    Arrays.stream(forwardMs).min().orElseThrow(), median(forwardMs), Arrays.toString(round(forwardMs)));
            System.out.printf("%d x horizon-%d rollouts at batch %d: min %.0f ms, median %.0f ms %s%n", iterations, horizon, batch,
                    Arrays.stream(planMs).min().orElseThrow(), median(planMs), Arrays.toString(round(planMs)));
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
