package ai.foresight.experiments.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.planbench.BenchModel;
import ai.foresight.experiments.planbench.PlanBenchConfig;
import ai.foresight.experiments.planbench.PlanBenchResult;
import ai.foresight.experiments.planbench.PlanBenchmark;
import ai.foresight.experiments.planbench.PlanTimeBreakdown;
import ai.foresight.experiments.planbench.PlannerComparison;
import ai.foresight.experiments.planbench.PlannerTiming;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code foresight bench plan}: seconds per CEM plan on a world model, GFLOP/s against the matmul peak, iCEM vs CEM. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Time one CEM plan (DINO-WM's 300 samples x horizon 5 x 10 iterations) on a world model:",
                "median and p90 after warm-up, matmul GFLOP/s against an fp32 matmul peak measured in the same run,",
                "evaluations iCEM/MPPI need to reach CEM's final cost, and where the time goes."})
public final class BenchPlanCommand extends JobCommand {
    /** Goals this benchmark reports against (the project's targets for a 2-core CPU). */
    static final double GOAL_PLAN_SECONDS = 1.0;
    static final double GOAL_EFFICIENCY = 0.5;
    static final double GOAL_ICEM_RATIO = 3.0;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Trained model directory (from 'foresight train'); without it a fresh --preset is timed.")
    private Path model;

    @Option(names = "--preset", paramLabel = "ID", defaultValue = "wall",
            description = "World-model preset, freshly initialised (timing does not depend on weights) (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--feature-dim", paramLabel = "D", defaultValue = "0",
            description = "Encoder feature width for the preset; 0 keeps the preset's (default: ${DEFAULT-VALUE}).")
    private int featureDim;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "300", description = "Candidates per iteration (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--elites", paramLabel = "K", defaultValue = "30", description = "Elites (default: ${DEFAULT-VALUE}).")
    private int elites;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "5", description = "Frame steps per plan (default: ${DEFAULT-VALUE}).")
    private int horizon;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "10", description = "CEM iterations (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--plans", paramLabel = "P", defaultValue = "10", description = "Timed plans per planner (default: ${DEFAULT-VALUE}).")
    private int plans;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "2", description = "Untimed plans first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--pairs", paramLabel = "S", defaultValue = "3",
            description = "Start/goal scenarios for the planner comparison (default: ${DEFAULT-VALUE}).")
    private int pairs;

    @Option(names = "--planners", paramLabel = "IDS", split = ",", defaultValue = "cem,icem",
            description = "Planners to time and compare with CEM: cem, icem, mppi (default: ${DEFAULT-VALUE}).")
    private List<String> planners;

    @Option(names = "--matmul-sizes", paramLabel = "N", split = ",", defaultValue = "1024,2048",
            description = "Sides of the fp32 matmuls that measure the peak (default: ${DEFAULT-VALUE}).")
    private List<Integer> matmulSizes;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "libtorch intra-op threads; 0 keeps the launcher's setting (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--breakdown", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure where a plan's time goes (default: ${DEFAULT-VALUE}).")
    private boolean breakdown;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of scenarios and planners (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write result.json and config.json here.")
    private Path out;

    private PlanBenchConfig config;

    @Override
    protected void validate() {
        requireOneOf("--preset", preset, List.of("tiny", "wall", "wall-random", "pointmaze", "pusht"));
        requireAtLeast("--feature-dim", featureDim, 0);
        if (model != null && featureDim != 0) {
            throw badFlag("--feature-dim", "0 with --model (a trained model fixes its encoder width)", featureDim);
        }
        requireAtLeast("--samples", samples, 2);
        requireAtLeast("--elites", elites, 1);
        if (2L * elites > samples) {
            throw badFlag("--elites", "at most --samples / 2 (" + samples / 2 + ")", elites);
        }
        requireAtLeast("--horizon", horizon, 1);
        requireAtLeast("--iterations", iterations, 1);
        requireAtLeast("--plans", plans, 1);
        requireAtLeast("--warmup", warmup, 0);
        requireAtLeast("--pairs", pairs, 1);
        for (String p : planners) {
            requireOneOf("--planners", p, PlanBenchConfig.PLANNERS);
        }
        for (int size : matmulSizes) {
            if (size < 16 || size > 8192) {
                throw badFlag("--matmul-sizes", "sides in 16..8192", size);
            }
        }
        requireAtLeast("--threads", threads, 0);
        config = new PlanBenchConfig(samples, elites, horizon, iterations, plans, warmup, pairs, planners, 2f, 3,
                matmulSizes, seed);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        if (threads > 0) {
            Engine.getEngine("PyTorch"); // loads libtorch, whose thread count is set next
            JniUtils.setNumThreads(threads);
        }
        PlanBenchmark benchmark = new PlanBenchmark(config, null);
        PlanBenchResult r;
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                BenchModel bench = model != null ? BenchModel.trained(model, manager)
                        : BenchModel.freshPreset(preset, featureDim, seed, manager)) {
            console.say("model: %s, %,d parameters", bench.description(), bench.model().parameterCount());
            r = Progress.track(console, "bench plan", benchmark.totalSteps(breakdown), "steps", progress ->
                    new PlanBenchmark(config, (stage, done, total) -> {
                        console.detail("%s (%d/%d)", stage, done, total);
                        progress.accept(done);
                    }).run(bench, breakdown, manager));
        }
        report(console, r);
        return result(r);
    }

    private void report(JobConsole console, PlanBenchResult r) {
        console.say("%d samples x horizon %d x %d iterations, %d timed plans after %d, %d torch threads, load average %.1f",
                samples, horizon, iterations, plans, warmup, r.torchThreads(), r.loadAverage());
        for (PlannerTiming t : r.timings()) {
            console.say("  %-5s median %.3f s, p90 %.3f s (%,d evaluations per plan)", t.planner(), t.median(), t.p90(),
                    t.evaluationsPerPlan());
        }
        console.say("CEM plan: %.2f GFLOP of matmuls -> %.1f GFLOP/s achieved; fp32 matmul peak this run %.1f GFLOP/s; efficiency %.0f%%",
                r.flopsPerPlan() / 1e9, r.achievedGflops(), r.peakGflops(), 100 * r.efficiency());
        for (PlannerComparison c : r.comparisons()) {
            console.say("%s reaches CEM's final cost on %d/%d scenarios; CEM evaluations / %s evaluations: median %.2fx",
                    c.planner(), c.reached(), c.cemCosts().length, c.planner(), c.medianRatio());
        }
        PlanTimeBreakdown b = r.breakdown();
        if (b != null) {
            double plan = r.cem().median();
            console.say("where a CEM plan's %.3f s go (parts timed separately):", plan);
            console.say("  rollouts + cost  %.3f s (%.0f%%): GEMM alone %.3f s at %.1f GFLOP/s, other ops %.3f s",
                    b.objectiveSeconds(), 100 * b.objectiveSeconds() / plan, b.gemmSeconds(), b.gemmGflops(), b.nonGemmSeconds());
            console.say("  per-op floor     %.3f s (the same ops on 1 candidate)", b.dispatchFloorSeconds());
            console.say("  optimiser alone  %.3f s (CEM on a trivial cost)", b.optimizerSeconds());
        }
        console.say("goals: plan <= %.1f s %s, efficiency >= %.0f%% %s, iCEM ratio >= %.0fx %s", GOAL_PLAN_SECONDS,
                verdict(r.cem().median() <= GOAL_PLAN_SECONDS), 100 * GOAL_EFFICIENCY, verdict(r.efficiency() >= GOAL_EFFICIENCY),
                GOAL_ICEM_RATIO, r.comparison("icem") == null ? "not run" : verdict(r.comparison("icem").medianRatio() >= GOAL_ICEM_RATIO));
        int cores = Runtime.getRuntime().availableProcessors();
        if (r.torchThreads() > 1 && r.loadAverage() > cores) {
            console.warn("load average %.1f on %d cores with %d torch threads: libtorch's threads wait for each other on a "
                    + "busy machine (measured here: up to 10x slower small ops); compare with --threads 1",
                    r.loadAverage(), cores, r.torchThreads());
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    private JobResult result(PlanBenchResult r) {
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, Double> p90s = new LinkedHashMap<>();
        r.timings().forEach(t -> {
            medians.put(t.planner(), t.median());
            p90s.put(t.planner(), t.p90());
        });
        Map<String, Double> ratios = new LinkedHashMap<>();
        Map<String, Integer> reached = new LinkedHashMap<>();
        r.comparisons().forEach(c -> {
            ratios.put(c.planner(), c.medianRatio());
            reached.put(c.planner(), c.reached());
        });
        PlannerComparison icem = r.comparison("icem");
        JobResult result = new JobResult()
                .put("plan_seconds_median", r.cem().median())
                .put("plan_seconds_p90", r.cem().p90())
                .put("gflops_achieved", r.achievedGflops())
                .put("gflops_peak", r.peakGflops())
                .put("efficiency", r.efficiency())
                .put("icem_evaluation_ratio", icem == null ? null : icem.medianRatio())
                .put("model", r.model())
                .put("trained_weights", r.trained())
                .put("flops_per_plan", r.flopsPerPlan())
                .put("samples", samples)
                .put("horizon", horizon)
                .put("iterations", iterations)
                .put("plans", plans)
                .put("planner_seconds_median", medians)
                .put("planner_seconds_p90", p90s)
                .put("evaluation_ratio", ratios)
                .put("scenarios_reached", reached)
                .put("scenarios", pairs)
                .put("torch_threads", r.torchThreads())
                .put("load_average", r.loadAverage());
        PlanTimeBreakdown b = r.breakdown();
        if (b != null) {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("objective_seconds", b.objectiveSeconds());
            parts.put("gemm_seconds", b.gemmSeconds());
            parts.put("non_gemm_seconds", b.nonGemmSeconds());
            parts.put("dispatch_floor_seconds", b.dispatchFloorSeconds());
            parts.put("optimizer_seconds", b.optimizerSeconds());
            parts.put("gemm_gflops", b.gemmGflops());
            result.put("breakdown", parts);
        }
        Map<String, Boolean> met = new LinkedHashMap<>();
        met.put("plan_seconds", r.cem().median() <= GOAL_PLAN_SECONDS);
        met.put("efficiency", r.efficiency() >= GOAL_EFFICIENCY);
        if (icem != null) {
            met.put("icem_evaluation_ratio", icem.medianRatio() >= GOAL_ICEM_RATIO);
        }
        return result.put("goals_met", met);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
