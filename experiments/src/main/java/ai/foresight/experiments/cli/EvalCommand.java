package ai.foresight.experiments.cli;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.experiments.evaluate.EvalSpec;
import ai.foresight.experiments.evaluate.PlanningEvaluation;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.planner.agent.PlannerKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight eval}: closed-loop goal reaching with a trained model on the fixed-budget protocol, with an
 * HTML report (success and its Wilson interval, distance curves, planning-time histogram, episode GIFs).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained model's planner on start/goal pairs (fixed-budget protocol).")
public final class EvalCommand extends JobCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (from 'foresight train').")
    private Path model;

    @Option(names = "--world", paramLabel = "WORLD", completionCandidates = WorldIds.class,
            description = "World to evaluate in (default: the model's): ${COMPLETION-CANDIDATES}.")
    private String world;

    @Option(names = "--planner", paramLabel = "P", defaultValue = "cem",
            description = "Optimiser: cem, icem, mppi, gd, cem-gd (default: ${DEFAULT-VALUE}).")
    private String planner;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "50", description = "Start/goal pairs (default: ${DEFAULT-VALUE}).")
    private int pairs;

    @Option(names = "--budget", paramLabel = "STEPS", defaultValue = "0",
            description = "Environment steps per episode (default: 50, PointMaze 100; open loop: one plan).")
    private int budget;

    @Option(names = "--open-loop", description = "Plan once and execute the whole plan (default: MPC, replan every model step).")
    private boolean openLoop;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "5", description = "Model steps per plan (default: ${DEFAULT-VALUE}).")
    private int horizon;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "0",
            description = "Candidates per optimiser iteration (default: the optimiser's, CEM 300).")
    private int samples;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "0",
            description = "Optimiser iterations (default: the optimiser's, CEM 10).")
    private int iterations;

    @Option(names = "--discount", paramLabel = "G", defaultValue = "0.9",
            description = "Goal cost over imagined frames: 0 = last frame only (DINO-WM), else every frame weighted G^t "
                    + "(default: ${DEFAULT-VALUE}).")
    private double discount;

    @Option(names = "--init-sigma", paramLabel = "S", defaultValue = "0",
            description = "Initial standard deviation of the optimiser, in normalised action units (default: the optimiser's, CEM 1).")
    private double initSigma;

    @Option(names = "--proprio-weight", paramLabel = "A", defaultValue = "-1",
            description = "Weight of the proprio distance in the goal cost (default: 1; DINO-WM plans PointMaze with 0).")
    private double proprioWeight;

    @Option(names = "--true-dynamics",
            description = "Plan with the simulator's own dynamics and the ground-truth state instead of the model: the planner's "
                    + "ceiling (what a perfect model would reach with this planner and cost), not the protocol.")
    private boolean trueDynamics;

    @Option(names = "--ensemble", paramLabel = "DIR", split = ",",
            description = "Further model directories to plan with beside --model, trained alike (same preset, data and encoder; "
                    + "other --seed): the planner uses their mean prediction and penalises their disagreement.")
    private List<Path> ensemble = new ArrayList<>();

    @Option(names = "--disagreement-weight", paramLabel = "L", defaultValue = "-1",
            description = "Weight of the ensemble's spread in the goal cost (default with --ensemble: 1, the members' expected "
                    + "cost; larger is more pessimistic where they disagree).")
    private double disagreementWeight;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Protocol seed of the pairs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--gifs", paramLabel = "N", defaultValue = "4", description = "Episodes animated in the report (default: ${DEFAULT-VALUE}).")
    private int gifs;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: MODEL/eval-WORLD-PLANNER[-open-loop]).")
    private Path out;

    private Path reportDir;

    @Override
    protected void validate() {
        if (world != null) {
            requireOneOf("--world", world, Worlds.ids());
        }
        requireOneOf("--planner", planner, PlannerKind.ids());
        requireAtLeast("--pairs", pairs, 1);
        requireAtLeast("--budget", budget, 0);
        requireAtLeast("--horizon", horizon, 1);
        requireAtLeast("--samples", samples, 0);
        requireAtLeast("--iterations", iterations, 0);
        requireAtLeast("--gifs", gifs, 0);
        if (!(discount >= 0 && discount <= 1)) {
            throw badFlag("--discount", "0 (last frame) or a gamma in (0, 1]", discount);
        }
        if (proprioWeight != -1 && !(proprioWeight >= 0 && proprioWeight < Double.POSITIVE_INFINITY)) {
            throw badFlag("--proprio-weight", "a finite weight >= 0", proprioWeight);
        }
        if (disagreementWeight != -1 && !(disagreementWeight >= 0 && disagreementWeight < Double.POSITIVE_INFINITY)) {
            throw badFlag("--disagreement-weight", "a finite weight >= 0", disagreementWeight);
        }
        if (disagreementWeight > 0 && ensemble.isEmpty()) {
            throw badFlag("--disagreement-weight", "no weight without --ensemble (a single model has no spread)", disagreementWeight);
        }
        if (trueDynamics && !ensemble.isEmpty()) {
            throw badFlag("--ensemble", "no ensemble with --true-dynamics (the simulator plans without a model)", ensemble);
        }
        if (!(initSigma >= 0) || Double.isInfinite(initSigma)) {
            throw badFlag("--init-sigma", "a finite standard deviation >= 0 (0 = the optimiser's default)", initSigma);
        }
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(model, manager)) {
            EvalSpec spec = new EvalSpec(world != null ? world : trained.world(), PlannerKind.parse(planner), pairs, budget,
                    openLoop, horizon, samples, iterations, seed, gifs, discount, initSigma, trueDynamics, proprioWeight, ensemble,
                    disagreementWeight);
            reportDir = out != null ? out
                    : model.resolve("eval-" + spec.world() + "-" + spec.planner().id() + (openLoop ? "-open-loop" : "")
                            + (trueDynamics ? "-true-dynamics" : ""));
            return evaluate(console, trained, spec, reportDir);
        }
    }

    /** Runs the evaluation with a progress bar and returns the headline figures; shared with quickstart. */
    static JobResult evaluate(JobConsole console, TrainedModel trained, EvalSpec spec, Path reportDir) throws Exception {
        PlanningEvaluation.Outcome o = Progress.track(console, "eval " + spec.world(), spec.pairs(), "pairs",
                progress -> PlanningEvaluation.run(trained, spec, reportDir, progress));
        EvaluationSummary s = o.summary();
        console.say("%s with %s (%s): success %d/%d = %.2f (95%% CI [%.2f, %.2f]), final distance %.3f, %.3f s per plan (median)",
                spec.world(), spec.planner().id(), spec.openLoop() ? "open loop" : "MPC", s.successes(), s.pairs(), s.successRate(),
                s.interval().low(), s.interval().high(), s.finalDistanceMean(), s.planSecondsMedian());
        if (Double.isFinite(s.forecastErrorMedian())) {
            console.say("  model miss %.2f (median distance between the imagined and the real agent after each executed chunk)",
                    s.forecastErrorMedian());
        }
        console.say("Report: %s", o.report());
        JobResult result = new JobResult();
        for (Map.Entry<String, Object> e : s.toJson().entrySet()) {
            result.put(e.getKey(), e.getValue());
        }
        return result.put("planner", spec.planner().id())
                .put("open_loop", spec.openLoop())
                .put("discount", spec.discount())
                .put("init_sigma", spec.initSigma())
                .put("true_dynamics", spec.trueDynamics())
                .put("proprio_weight", spec.effectiveProprioWeight())
                .put("ensemble_size", spec.ensemble().size() + 1)
                .put("disagreement_weight", spec.effectiveDisagreementWeight())
                .put("budget", o.budget())
                .put("seconds", o.seconds())
                .put("report", o.report());
    }

    @Override
    protected Path outputDirectory() {
        return reportDir;
    }
}
