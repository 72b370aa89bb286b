package ai.foresight.experiments.planbench.jmh;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.foresight.experiments.planbench.BenchModel;
import ai.foresight.experiments.planbench.PredictorFlops;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.nn.LatentPredictor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One batched rollout step of the Wall preset predictor: N candidates' latent frames (N, 1, 16, D),
 * frame-step actions (N, 1, 10) and proprio (N, 1, 2) through {@code LatentPredictor.predict} with
 * last-frame-only heads, as {@code WorldModel.rollout} runs it once per imagined step (a CEM plan of
 * 300 x 5 x 10 is 50 of these). Fresh weights: the time does not depend on them. Every array a step
 * creates is closed by an {@link NDScope}.
 *
 * <p>Run: {@code mvn -B -o -Pjmh -pl experiments -am verify -DskipTests} (see the planbench README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RolloutStepBenchmark {
    @Param({"300"})
    public int candidates;

    @Param({"1", "2"})
    public int torchThreads;

    /** Encoder feature width D; 0 keeps the preset's (384). */
    @Param({"0"})
    public int featureDim;

    private NDManager manager;
    private BenchModel bench;
    private LatentPredictor predictor;
    private ParameterStore parameters;
    private NDArray latents;
    private NDArray actions;
    private NDArray proprio;

    @Setup(Level.Trial)
    public void setUp() {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(torchThreads);
        manager = NDManager.newBaseManager("PyTorch");
        bench = BenchModel.freshPreset("wall", featureDim, 0, manager);
        predictor = bench.model().predictor();
        parameters = bench.model().parameterStore();
        PredictorConfig p = predictor.config();
        latents = manager.randomNormal(new Shape(candidates, 1, p.tokensPerFrame(), predictor.latentDim()));
        actions = manager.randomUniform(-1f, 1f, new Shape(candidates, 1, p.frameActionDim()));
        proprio = manager.randomNormal(new Shape(candidates, 1, p.proprioDim()));
        long flops = new PredictorFlops(p, predictor.latentDim(), false).forwardFlops(candidates, 1, true);
        System.out.printf("%n[rollout step] %s, N=%d, %d torch threads: %.3f GFLOP of matmuls per step%n",
                bench.description(), candidates, torchThreads, flops / 1e9);
    }

    @Benchmark
    public void rolloutStep(Blackhole sink) {
        try (NDScope scope = new NDScope()) {
            LatentPredictor.Prediction next = predictor.predict(parameters, latents, actions, proprio, false, true);
            sink.consume(next.mean().getShape());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bench.close();
        manager.close();
    }
}
