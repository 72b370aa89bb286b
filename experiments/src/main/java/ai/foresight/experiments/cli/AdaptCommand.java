package ai.foresight.experiments.cli;

import ai.djl.ndarray.NDManager;
import ai.foresight.adaptation.AlignerConfig;
import ai.foresight.adaptation.AlignmentMode;
import ai.foresight.adaptation.ParameterHash;
import ai.foresight.adaptation.encoder.AdaptedPatchEncoder;
import ai.foresight.adaptation.encoder.AdapterConfig;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.experiments.adapt.AdaptReport;
import ai.foresight.experiments.adapt.AdaptSpec;
import ai.foresight.experiments.adapt.AdaptationRun;
import ai.foresight.experiments.adapt.AdaptedFiles;
import ai.foresight.experiments.adapt.DomainCheck;
import ai.foresight.experiments.adapt.DomainEvaluation;
import ai.foresight.experiments.adapt.TargetWorld;
import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.experiments.evaluate.EvalSpec;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Narrative;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.PlannerKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight adapt}: RePo's reward-free test-time adaptation of a trained model to a target domain (a
 * colour or lighting shift, distractors), with closed-loop success in the model's own world and in the target
 * world before and after adapting, alignment curves and a report.
 */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = "Adapt a trained model's encoder side to a shifted target domain from unlabelled frames (RePo).")
public final class AdaptCommand extends JobCommand {
    static final List<String> MODES = List.of("support", "distribution");
    static final List<String> ADAPTERS = List.of("color", "affine", "residual", "pixel", "none");

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (from 'foresight train').")
    private Path model;

    @Option(names = "--source-data", required = true, paramLabel = "DIR",
            description = "Frames of the model's own domain (e.g. its training dataset).")
    private Path sourceData;

    @Option(names = "--target-data", required = true, paramLabel = "DIR",
            description = "Target-domain dataset (same world and frame size, other distractors); its rewards and states are never read.")
    private Path targetData;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (report, curves, adapted files).")
    private Path out;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "2400", description = "Aligner updates (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "16", description = "Target windows per update (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--source-batch", paramLabel = "B", defaultValue = "64", description = "Source frames per update (default: ${DEFAULT-VALUE}).")
    private int sourceBatch;

    @Option(names = "--mode", paramLabel = "M", defaultValue = "support",
            description = "Marginal alignment: support (RePo's density-ratio support constraint) or distribution (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--adapters", paramLabel = "LIST", defaultValue = "color,affine,pixel,residual",
            description = "Adapters on the frozen encoder: color, affine, residual (rank 8), pixel (a 16-channel residual "
                    + "convolution on the pixels), or none (default: ${DEFAULT-VALUE}).")
    private String adapters;

    @Option(names = "--freeze-posterior", description = "Keep the RePo posterior frozen too (adapt the adapters only).")
    private boolean freezePosterior;

    @Option(names = "--alignment", paramLabel = "W", defaultValue = "1", description = "Adversarial alignment weight (default: ${DEFAULT-VALUE}).")
    private double alignmentWeight;

    @Option(names = "--dynamics", paramLabel = "W", defaultValue = "1", description = "Dynamics-consistency weight (default: ${DEFAULT-VALUE}).")
    private double dynamicsWeight;

    @Option(names = "--paired", paramLabel = "W", defaultValue = "10",
            description = "Paired calibration weight, used when the target data has clean frames (default: ${DEFAULT-VALUE}).")
    private double pairedWeight;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "3e-4", description = "Adam step of the encoder side (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--critic-lr", paramLabel = "LR", defaultValue = "3e-4", description = "Adam step of the critic (default: ${DEFAULT-VALUE}).")
    private double criticLearningRate;

    @Option(names = "--probe-every", paramLabel = "N", defaultValue = "25",
            description = "Updates between held-out distance measurements (default: ${DEFAULT-VALUE}).")
    private int probeEvery;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "50",
            description = "Start/goal pairs per closed-loop evaluation; 0 skips the three evaluations (default: ${DEFAULT-VALUE}).")
    private int pairs;

    @Option(names = "--after-only",
            description = "Evaluate only after adapting (the in-domain and before figures do not depend on the adaptation: "
                    + "reuse them from an earlier run with the same model, target data and planner flags).")
    private boolean afterOnly;

    @Option(names = "--budget", paramLabel = "STEPS", defaultValue = "0", description = "Environment steps per episode (default: the world's).")
    private int budget;

    @Option(names = "--planner", paramLabel = "P", defaultValue = "cem", description = "Optimiser: cem, icem, mppi, gd, cem-gd (default: ${DEFAULT-VALUE}).")
    private String planner;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "5", description = "Model steps per plan (default: ${DEFAULT-VALUE}).")
    private int horizon;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "0", description = "Candidates per iteration (default: the optimiser's).")
    private int samples;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "0", description = "Optimiser iterations (default: the optimiser's).")
    private int iterations;

    @Option(names = "--proprio-weight", paramLabel = "A", defaultValue = "-1",
            description = "Weight of proprio in the planning objective (default: the world's, 1 for Wall; 0 plans from vision alone).")
    private double proprioWeight;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the pairs, batches and critic (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected void validate() {
        requireAtLeast("--steps", steps, 0);
        requireAtLeast("--batch", batch, 1);
        requireAtLeast("--source-batch", sourceBatch, 2);
        requireOneOf("--mode", mode, MODES);
        adapterConfig();
        requireAtLeast("--probe-every", probeEvery, 1);
        requireAtLeast("--pairs", pairs, 0);
        requireAtLeast("--budget", budget, 0);
        requireOneOf("--planner", planner, PlannerKind.ids());
        requireAtLeast("--horizon", horizon, 1);
        requireAtLeast("--samples", samples, 0);
        requireAtLeast("--iterations", iterations, 0);
        requireWeight("--alignment", alignmentWeight);
        requireWeight("--dynamics", dynamicsWeight);
        requireWeight("--paired", pairedWeight);
        if (alignmentWeight == 0 && dynamicsWeight == 0 && pairedWeight == 0) {
            throw badFlag("--alignment/--dynamics/--paired", "at least one weight > 0", "all 0");
        }
        if (!(learningRate > 0) || !(criticLearningRate > 0)) {
            throw badFlag("--lr/--critic-lr", "positive learning rates", learningRate + ", " + criticLearningRate);
        }
        if (proprioWeight != -1 && !(proprioWeight >= 0)) {
            throw badFlag("--proprio-weight", "a weight >= 0", proprioWeight);
        }
    }

    private void requireWeight(String flag, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw badFlag(flag, "a finite weight >= 0", value);
        }
    }

    private AdapterConfig adapterConfig() {
        boolean color = false;
        boolean affine = false;
        int rank = 0;
        int pixelChannels = 0;
        for (String id : adapters.split(",")) {
            String a = id.trim();
            requireOneOf("--adapters", a, ADAPTERS);
            color |= a.equals("color");
            affine |= a.equals("affine");
            rank = a.equals("residual") ? 8 : rank;
            pixelChannels = a.equals("pixel") ? AdapterConfig.DEFAULT_PIXEL_CHANNELS : pixelChannels;
        }
        return new AdapterConfig(color, affine, rank, pixelChannels);
    }

    private AlignerConfig alignerConfig() {
        AlignerConfig d = AlignerConfig.defaults();
        return new AlignerConfig(AlignmentMode.valueOf(mode.toUpperCase(Locale.ROOT)), !freezePosterior, alignmentWeight,
                dynamicsWeight, pairedWeight, d.gradientPenalty(), learningRate, criticLearningRate, criticLearningRate,
                d.criticHidden(), d.criticLayers(), d.clipNorm());
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(model, manager)) {
            Dataset source = Dataset.open(sourceData);
            Dataset target = Dataset.open(targetData);
            int size = trained.manifest().frameSize();
            DomainCheck.requireSameWorld("--source-data", trained.world(), size, source.manifest());
            DomainCheck.requireTarget("--target-data", trained.world(), size, target.manifest());
            GenerateSpec shift = target.manifest().generator();
            if (shift.distractors().isEmpty()) {
                console.warn("--target-data was recorded without distractors or shifts: the target world is the model's own");
            }
            AdaptSpec spec = new AdaptSpec(steps, batch, sourceBatch, alignerConfig(), adapterConfig(), probeEvery, 128, seed);
            String world = trained.world();
            EvalSpec eval = new EvalSpec(world, PlannerKind.parse(planner), Math.max(1, pairs), budget, false, horizon, samples,
                    iterations, seed, 0, AgentConfig.DEFAULT_DISCOUNT, 0, false, proprioWeight);
            String targetName = world + " + " + (shift.distractors().isEmpty() ? "no shift" : String.join(",", shift.distractors()));
            boolean baselines = pairs > 0 && !afterOnly;
            Narrative story = new Narrative(console, 2 + (pairs > 0 ? 1 : 0) + (baselines ? 2 : 0));
            Map<String, EvaluationSummary> byRole = new LinkedHashMap<>();
            String frozenBefore = ParameterHash.frozenParts(trained.worldModel());
            if (baselines) {
                EvaluationSummary inDomain = story.step("Closed loop in the model's own world",
                        () -> evaluate(console, "in-domain", Worlds.create(world, size), trained, trained.encoder(), eval));
                byRole.put("in_domain", inDomain);
                EvaluationSummary before = story.step("Closed loop in the target world, before adapting",
                        () -> evaluate(console, "before", TargetWorld.create(shift), trained, trained.encoder(), eval));
                byRole.put("before", before);
            }
            try (AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(trained.encoder(), spec.adapters(), seed)) {
                AdaptationRun.Outcome outcome = story.step("Adapt the encoder side on " + target.size() + " unlabelled target episodes",
                        () -> Progress.track(console, "adapt", Math.max(1, steps), "updates", progress -> AdaptationRun.run(
                                trained.worldModel(), adapted, trained.normalization().toNormalizer(), source, target, spec, manager,
                                progress)));
                console.say("  held-out MMD² %.5f → %.5f; paired MSE %s → %s (%.1f s)", outcome.before().mmdSquared(),
                        outcome.after().mmdSquared(), f(outcome.before().pairedMeanSquare()), f(outcome.after().pairedMeanSquare()),
                        outcome.seconds());
                boolean frozenUnchanged = frozenBefore.equals(ParameterHash.frozenParts(trained.worldModel()));
                if (!frozenUnchanged) {
                    throw new IllegalStateException("adaptation changed the predictor, heads or decoder (parameter hash differs)");
                }
                Path adaptedDir = out.resolve("adapted");
                AdaptedFiles.save(adaptedDir, adapted, trained.worldModel());
                if (pairs > 0) {
                    EvaluationSummary after = story.step("Closed loop in the target world, after adapting",
                            () -> evaluate(console, "after", TargetWorld.create(shift), trained, adapted, eval));
                    byRole.put("after", after);
                }
                outcome.curves().write(out);
                Path report = story.step("Write the report", () -> AdaptReport.write(out, "Adapting " + world + " to " + targetName,
                        reportRows(byRole, world, targetName), outcome, settings(trained, shift, spec, eval)));
                console.say("Report: %s", report);
                return result(byRole, outcome, (System.nanoTime() - start) / 1e9, report, adaptedDir, frozenUnchanged);
            }
        }
    }

    private static EvaluationSummary evaluate(JobConsole console, String label, ai.foresight.datasets.env.Env env,
            TrainedModel trained, ai.foresight.encoders.PatchEncoder encoder, EvalSpec eval) throws Exception {
        EvaluationSummary s = Progress.track(console, "eval " + label, eval.pairs(), "pairs",
                progress -> DomainEvaluation.run(env, encoder, trained.worldModel(), trained.normalization(), eval, progress));
        console.say("  success %d/%d = %.2f (95%% CI [%.2f, %.2f]), final distance %.3f", s.successes(), s.pairs(), s.successRate(),
                s.interval().low(), s.interval().high(), s.finalDistanceMean());
        return s;
    }

    private Map<String, String> settings(TrainedModel trained, GenerateSpec shift, AdaptSpec spec, EvalSpec eval) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("model", model + " (" + trained.manifest().mode() + ", " + trained.manifest().steps() + " steps)");
        s.put("source data", sourceData.toString());
        s.put("target data", targetData + " (distractors " + shift.distractors() + ", seed " + shift.seed() + ")");
        s.put("aligner", spec.aligner().toString());
        s.put("adapters", spec.adapters().toString());
        s.put("updates", spec.steps() + " x (" + spec.targetBatch() + " target windows, " + spec.sourceBatch() + " source frames)");
        s.put("planner", eval.planner().id() + ", horizon " + eval.horizon() + ", proprio weight " + eval.effectiveProprioWeight() + ", "
                + (pairs > 0 ? pairs + " pairs" : "no evaluation"));
        s.put("seed", Long.toString(seed));
        return s;
    }

    /** The evaluations that ran, under the names the report's table gives them. */
    private static Map<String, EvaluationSummary> reportRows(Map<String, EvaluationSummary> byRole, String world, String targetName) {
        Map<String, String> names = Map.of("in_domain", world + " (the model's world), frozen encoder",
                "before", targetName + ", frozen encoder (before)", "after", targetName + ", adapted encoder (after)");
        Map<String, EvaluationSummary> rows = new LinkedHashMap<>();
        byRole.forEach((role, summary) -> rows.put(names.get(role), summary));
        return rows;
    }

    /** The job's figures; {@code byRole} holds the evaluations that ran, keyed in_domain, before, after. */
    private static JobResult result(Map<String, EvaluationSummary> byRole, AdaptationRun.Outcome o, double seconds, Path report,
            Path adaptedDir, boolean frozenUnchanged) {
        JobResult r = new JobResult();
        for (String role : new String[] {"in_domain", "before", "after"}) {
            EvaluationSummary s = byRole.get(role);
            r.put("success_" + role, s == null ? null : s.successRate());
        }
        r.put("seconds", seconds);
        for (Map.Entry<String, EvaluationSummary> e : byRole.entrySet()) {
            r.put("success_" + e.getKey() + "_ci95_low", e.getValue().interval().low())
                    .put("success_" + e.getKey() + "_ci95_high", e.getValue().interval().high())
                    .put("final_distance_" + e.getKey(), e.getValue().finalDistanceMean());
        }
        EvaluationSummary any = byRole.values().stream().findFirst().orElse(null);
        return r.put("pairs", any == null ? 0 : any.pairs())
                .put("mmd2_before", o.before().mmdSquared())
                .put("mmd2_after", o.after().mmdSquared())
                .put("paired_mse_before", finite(o.before().pairedMeanSquare()))
                .put("paired_mse_after", finite(o.after().pairedMeanSquare()))
                .put("adapt_seconds", o.seconds())
                .put("frozen_parts_unchanged", frozenUnchanged)
                .put("adapted_dir", adaptedDir)
                .put("report", report);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5f", v) : "n/a";
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
