package ai.foresight.encoders.dino;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.bench.BenchmarkResult;
import ai.foresight.encoders.bench.EncodeBenchmark;
import ai.foresight.encoders.probe.FeaturePooling;
import ai.foresight.encoders.probe.ProbeResult;
import ai.foresight.encoders.probe.RidgeProbe;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On-demand measurements behind the numbers in the module README (not part of the regular suite: the
 * class name matches no surefire pattern). Run:
 * {@code mvn -B -q -o -pl encoders -am test -Dtest=MeasureEncoders -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code JAVA_TOOL_OPTIONS=-Dsteps=600} for a longer run, {@code -Dsteps=0} for throughput only); output in
 * {@code encoders/target/surefire-reports/ai.foresight.encoders.dino.MeasureEncoders-output.txt}.
 *
 * <p>1. Throughput of the default encoder (and its 4x4-pooled variant) at batch 64, with a matmul
 * timed in the same run. 2. A short DINO run of the default config on seeded synthetic 64 px frames
 * (a square or disc on a background), loss trend per 100 steps. 3. A ridge probe of the shape's centre
 * and radius from mean-pooled and flattened patch features, untrained encoder vs the DINO one.
 */
class MeasureEncoders {

    @Test
    void measure() throws Exception {
        for (VitConfig c : new VitConfig[] {VitConfig.defaults(), VitConfig.defaults().withOutputPool(2), VitConfig.defaults()}) {
            try (VitPatchEncoder enc = VitPatchEncoder.create(c, 1, Device.cpu())) {
                BenchmarkResult r = EncodeBenchmark.run(enc, 64, 3, 9);
                System.out.println("bench pool " + c.outputPool() + ": " + r);
                assertTrue(r.framesPerSecond() > 0);
            }
        }
        int steps = Integer.getInteger("steps", 300);
        if (steps == 0) {
            return; // throughput only
        }
        Path out = Files.createTempDirectory("dino-measure");
        DinoConfig config = DinoConfig.defaults().withSteps(steps, Math.max(1, steps / 10));
        PretrainResult run = DinoPretrainer.run(config, SyntheticFrames.source(20, 50, 64, 1), out, PretrainProgress.silent());
        List<DinoStepRecord> h = run.history();
        for (int a = 0; a < h.size(); a += 100) {
            List<DinoStepRecord> seg = h.subList(a, Math.min(h.size(), a + 100));
            System.out.printf("dino steps %d-%d: loss %.3f, teacher entropy %.3f, batch entropy %.3f, kl %.3f, teacher temp %.3f%n",
                    a, a + seg.size() - 1, mean(seg, DinoStepRecord::loss), mean(seg, DinoStepRecord::teacherEntropy),
                    mean(seg, DinoStepRecord::teacherBatchEntropy), mean(seg, DinoStepRecord::kl), mean(seg, DinoStepRecord::teacherTemperature));
        }
        System.out.printf("dino: %d steps, %.3f s/step (mean), log K = %.3f%n", steps, run.secondsPerStep(), Math.log(config.head().outDim()));
        assertTrue(Double.isFinite(run.meanLossOfLast(10)));

        int n = 1200;
        int split = 1000;
        SplittableRandom r = new SplittableRandom(77);
        List<Frame> frames = new ArrayList<>();
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] target = new double[3];
            frames.add(SyntheticFrames.frame(64, r, target));
            y[i] = target;
        }
        try (PatchEncoder untrained = VitPatchEncoder.create(VitConfig.defaults(), 0, Device.cpu());
                PatchEncoder dino = VitPatchEncoder.load(run.encoderDir(), Device.cpu())) {
            for (PatchEncoder e : new PatchEncoder[] {untrained, dino}) {
                for (FeaturePooling pooling : FeaturePooling.values()) {
                    double[][] x = new double[n][];
                    try (NDManager m = NDManager.newBaseManager()) {
                        for (int s = 0; s < n; s += 100) {
                            NDArray feats = e.encode(FramePixels.toBatch(m, frames.subList(s, s + 100), 64, 64));
                            System.arraycopy(RidgeProbe.rows(pooling.apply(feats)), 0, x, s, 100);
                        }
                    }
                    ProbeResult p = RidgeProbe.evaluate(Arrays.copyOf(x, split), Arrays.copyOf(y, split),
                            Arrays.copyOfRange(x, split, n), Arrays.copyOfRange(y, split, n), 1.0);
                    System.out.println("probe (cx, cy, radius) " + (e == untrained ? "untrained " : "dino ") + pooling + ": " + p);
                }
            }
        }
    }

    private static double mean(List<DinoStepRecord> records, java.util.function.ToDoubleFunction<DinoStepRecord> f) {
        return records.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
