package ai.foresight.experiments.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.encoders.probe.FeaturePooling;
import ai.foresight.encoders.probe.MlpProbe;
import ai.foresight.experiments.encode.BottleneckGoal;
import ai.foresight.experiments.encode.ProbeConfig;
import ai.foresight.experiments.encode.ProbeGoals;
import ai.foresight.experiments.encode.StateProbe;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.worldmodel.WorldModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight probe}: how well does an encoder's frozen output linearly hold the world's state?
 * A ridge probe per state dimension, fitted on some episodes and scored (R²) on held-out ones, for
 * the chosen encoder and, by default, an untrained ViT of the same size, so pretraining has to earn
 * its keep. PushT's block angle is also probed as (cos θ, sin θ). With {@code --model} it probes a
 * trained world model's latent (the RePo posterior mean, or the pooled features in DINO-WM mode) beside
 * the frozen patches it was computed from, pooled to the same tokens: on a dataset with moving-shape
 * distractors this measures what RePo's bottleneck squeezed out (their centres are targets too), and
 * {@link BottleneckGoal} says whether the latent kept the agent and forgot the shapes.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Ridge probe from frozen features to ground-truth state: held-out R² per dimension.")
public final class ProbeCommand extends JobCommand {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory (at least 3 episodes).")
    private Path data;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "default",
            description = "Encoder to probe: default, random-tiny, random-default, a folder or a .pt file (default: ${DEFAULT-VALUE}).")
    private String encoder;

    @Option(names = "--baseline", paramLabel = "NAME", defaultValue = "random",
            description = "Compare with: random (an untrained ViT of the encoder's size), none, or another encoder "
                    + "name/path (default: ${DEFAULT-VALUE}).")
    private String baseline;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Probe this trained model's latent and the frozen patches it reads (pooled to its tokens) "
                    + "instead of --encoder and --baseline.")
    private Path model;

    @Option(names = "--pooling", paramLabel = "P", defaultValue = "flatten",
            description = "flatten (every patch, keeps position) or mean (default: ${DEFAULT-VALUE}).")
    private String pooling;

    @Option(names = "--probe", paramLabel = "KIND", defaultValue = "ridge",
            description = "ridge (linear, λ per target) or mlp (one hidden layer of 256, early-stopped per target: what the "
                    + "features hold, not only linearly) (default: ${DEFAULT-VALUE}).")
    private String probe;

    @Option(names = "--stride", paramLabel = "K", defaultValue = "1", description = "Use every K-th frame (default: ${DEFAULT-VALUE}).")
    private int stride;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.25",
            description = "Fraction of episodes held out for scoring (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the episode split and of the random baseline (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where result.json goes (default: DATA/probe).")
    private Path out;

    @Override
    protected void validate() {
        requireOneOf("--pooling", pooling, List.of("flatten", "mean"));
        requireOneOf("--probe", probe, List.of("ridge", "mlp"));
        requireAtLeast("--stride", stride, 1);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw badFlag("--test-fraction", "a number strictly between 0 and 1", testFraction);
        }
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        Dataset dataset = Dataset.open(data);
        ProbeConfig config = ProbeConfig.defaults().withStride(stride).withTestFraction(testFraction).withSeed(seed)
                .withPooling(FeaturePooling.valueOf(pooling.toUpperCase(Locale.ROOT)))
                .withMlp("mlp".equals(probe) ? new MlpProbe.Config(256, 256, 40, 1e-3, 1e-2, seed) : null);
        if (model != null) {
            return runOnModel(console, dataset, config);
        }
        List<PatchEncoder> opened = new ArrayList<>();
        try {
            PatchEncoder main = open(opened, Encoders.load(encoder));
            List<StateProbe.Candidate> candidates = new ArrayList<>(List.of(new StateProbe.Candidate(encoder, main)));
            if (!"none".equals(baseline)) {
                PatchEncoder base = open(opened, "random".equals(baseline)
                        ? Encoders.randomLike(main, seed, Device.cpu()) : Encoders.load(baseline));
                candidates.add(new StateProbe.Candidate(baseline, base));
            }
            StateProbe.Report report = Progress.track(console, "probe", candidates.size(), "encoders",
                    progress -> StateProbe.run(dataset, candidates, config, progress));
            Map<String, Double> goals = ProbeGoals.forWorld(report.world());
            printTable(console, report, goals);
            return result(report, List.of("encoder", "baseline"), goals);
        } finally {
            for (PatchEncoder e : opened) {
                e.close();
            }
        }
    }

    private JobResult runOnModel(JobConsole console, Dataset dataset, ProbeConfig config) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel trained = TrainedModel.load(model, manager)) {
            if (!trained.world().equals(dataset.manifest().world())) {
                throw new IllegalArgumentException("--data: world: expected " + trained.world() + " (the model's world), got "
                        + dataset.manifest().world());
            }
            PatchEncoder frozen = trained.encoder();
            WorldModel wm = trained.worldModel();
            StateProbe.FrameTokens frozenPatches = StateProbe.FrameTokens.of(frozen);
            StateProbe.Candidate patches = new StateProbe.Candidate("pooled patches", frozen.id() + "/pooled",
                    (m, frames) -> wm.pool(frozenPatches.encode(m, frames)));
            StateProbe.Candidate latent = new StateProbe.Candidate("latent (" + trained.manifest().mode() + ")",
                    model.toString(), (m, frames) -> wm.encode(frozenPatches.encode(m, frames)));
            StateProbe.Report report = Progress.track(console, "probe", 2, "representations",
                    progress -> StateProbe.run(dataset, List.of(latent, patches), config, progress));
            Map<String, Double> goals = ProbeGoals.forLatent(report.world());
            printTable(console, report, goals);
            JobResult result = result(report, List.of("latent", "patches"), goals).put("model", model.toString())
                    .put("mode", trained.manifest().mode());
            if (report.targets().stream().anyMatch(ProbeCommand::isDistractor)) {
                BottleneckGoal bottleneck = bottleneck(report);
                printBottleneck(console, bottleneck);
                Map<String, Object> verdict = new LinkedHashMap<>();
                verdict.put("agent_met", bottleneck.agentMet());
                verdict.put("judged", bottleneck.judged());
                verdict.put("distractors_squeezed", bottleneck.distractorsSqueezed());
                verdict.put("max_distractor_share", BottleneckGoal.DISTRACTOR_SHARE);
                verdict.put("met", bottleneck.met());
                result.put("bottleneck", verdict);
            }
            return result;
        }
    }

    private static PatchEncoder open(List<PatchEncoder> opened, PatchEncoder encoder) {
        opened.add(encoder);
        return encoder;
    }

    /** The latent (the report's first score) judged against the frozen patches (its second). */
    private static BottleneckGoal bottleneck(StateProbe.Report report) {
        StateProbe.Score latent = report.scores().get(0);
        return BottleneckGoal.judge(report.world(), report.targets(), latent.r2(), distractorMeanR2(report, latent),
                distractorMeanR2(report, report.scores().get(1)));
    }

    private static void printBottleneck(JobConsole console, BottleneckGoal goal) {
        String squeezed = goal.judged()
                ? String.format("%.4f against the patches' %.4f (at most %.0f%% of it: %s)", goal.latentDistractorR2(),
                        goal.patchDistractorR2(), 100 * BottleneckGoal.DISTRACTOR_SHARE, goal.distractorsSqueezed() ? "met" : "NOT met")
                : String.format("not judged: the patches hold too little of them (R² %.4f ≤ %.2f)", goal.patchDistractorR2(),
                        BottleneckGoal.MIN_PATCH_DISTRACTOR_R2);
        console.say("Bottleneck (RePo): agent R² ≥ %.2f from the latent: %s; distractors' R² %s; goal %s",
                BottleneckGoal.AGENT_R2, goal.agentKept() ? "met" : "NOT met", squeezed, goal.met() ? "met" : "NOT met");
    }

    private void printTable(JobConsole console, StateProbe.Report report, Map<String, Double> goals) {
        console.say("Held-out R² on %s (%s): %d train / %d test episodes, %d / %d frames, %s pooling, %s probe", data,
                report.world(), report.trainEpisodes(), report.testEpisodes(), report.trainFrames(), report.testFrames(),
                pooling, probe);
        StringBuilder header = new StringBuilder(String.format("  %-14s", "target"));
        for (StateProbe.Score s : report.scores()) {
            header.append(String.format(" %16s", abbreviate(s.name())));
        }
        console.say("%s %8s", header, "goal");
        for (int i = 0; i < report.targets().size(); i++) {
            String target = report.targets().get(i);
            StringBuilder line = new StringBuilder(String.format("  %-14s", target));
            for (StateProbe.Score s : report.scores()) {
                line.append(String.format(" %16s", String.format("%.4f (λ %s)", s.r2()[i], compact(s.lambdas()[i]))));
            }
            Double goal = goals.get(target);
            console.say("%s %8s", line, goal == null ? "" : String.format("≥ %.2f", goal));
        }
        StringBuilder mean = new StringBuilder(String.format("  %-14s", "mean"));
        for (StateProbe.Score s : report.scores()) {
            mean.append(String.format(" %16s", String.format("%.4f       ", s.meanR2())));
        }
        console.say("%s", mean);
        if (report.targets().stream().anyMatch(ProbeCommand::isDistractor)) {
            StringBuilder d = new StringBuilder(String.format("  %-14s", "distractors"));
            for (StateProbe.Score s : report.scores()) {
                d.append(String.format(" %16s", String.format("%.4f       ", distractorMeanR2(report, s))));
            }
            console.say("%s   (mean R² of the moving shapes' centres: what a bottleneck should forget)", d);
        }
        if (!goals.isEmpty()) {
            StateProbe.Score first = report.scores().get(0);
            boolean met = ProbeGoals.check(goals, report.targets(), first.r2()).values().stream().allMatch(b -> b);
            console.say("Goals for %s: %s", abbreviate(first.name()), met ? "met" : "NOT met");
        }
    }

    private JobResult result(StateProbe.Report report, List<String> roles, Map<String, Double> goals) {
        Map<String, Object> r2 = new LinkedHashMap<>();
        Map<String, Object> meanR2 = new LinkedHashMap<>();
        Map<String, Object> distractorR2 = new LinkedHashMap<>();
        Map<String, Object> lambdas = new LinkedHashMap<>();
        Map<String, Object> ids = new LinkedHashMap<>();
        for (int k = 0; k < report.scores().size(); k++) {
            StateProbe.Score s = report.scores().get(k);
            Map<String, Double> perTarget = new LinkedHashMap<>();
            Map<String, Double> lambdaPerTarget = new LinkedHashMap<>();
            for (int i = 0; i < report.targets().size(); i++) {
                perTarget.put(report.targets().get(i), s.r2()[i]);
                lambdaPerTarget.put(report.targets().get(i), s.lambdas()[i]);
            }
            r2.put(roles.get(k), perTarget);
            meanR2.put(roles.get(k), s.meanR2());
            double distractors = distractorMeanR2(report, s);
            if (Double.isFinite(distractors)) {
                distractorR2.put(roles.get(k), distractors);
            }
            lambdas.put(roles.get(k), lambdaPerTarget);
            ids.put(roles.get(k), s.encoderId());
        }
        StateProbe.Score first = report.scores().get(0);
        return new JobResult()
                .put("world", report.world())
                .put("encoder", encoder)
                .put("baseline", baseline)
                .put("encoder_ids", ids)
                .put("targets", report.targets())
                .put("r2", r2)
                .put("mean_r2", meanR2)
                .put("distractor_mean_r2", distractorR2)
                .put("lambda", lambdas)
                .put("goals", goals)
                .put("goals_met", ProbeGoals.check(goals, report.targets(), first.r2()))
                .put("pooling", pooling)
                .put("probe", probe)
                .put("train_episodes", report.trainEpisodes())
                .put("test_episodes", report.testEpisodes())
                .put("train_frames", report.trainFrames())
                .put("test_frames", report.testFrames());
    }

    private static boolean isDistractor(String target) {
        return target.startsWith("shape");
    }

    /** Mean held-out R² over the distractor targets (NaN when there are none). */
    static double distractorMeanR2(StateProbe.Report report, StateProbe.Score score) {
        double[] r2 = score.r2();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < r2.length; i++) {
            if (isDistractor(report.targets().get(i)) && Double.isFinite(r2[i])) {
                sum += r2[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static String compact(double lambda) {
        if (Double.isNaN(lambda)) {
            return "mlp";
        }
        return lambda >= 1 ? String.format("%.0f", lambda) : String.format("%.0e", lambda).replace("e-0", "e-");
    }

    private static String abbreviate(String name) {
        return name.length() <= 16 ? name : "…" + name.substring(name.length() - 15);
    }

    @Override
    protected Path outputDirectory() {
        return out != null ? out : data.resolve("probe");
    }
}
