package ai.foresight.experiments.evaluate;

import ai.foresight.experiments.eval.EpisodeRecord;
import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.experiments.pipeline.ModelManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The report of one evaluation, a folder that opens in any browser: {@code report.html} with the success
 * table (rate and 95% Wilson interval), the settings, a per-episode table, the distance curves and the
 * planning-time histogram (PNG), and animated GIFs of the first episodes beside their goal images.
 */
final class EvaluationReport {
    static final String HTML = "report.html";
    static final String DISTANCES = "distances.png";
    static final String PLAN_TIMES = "plan-times.png";

    private EvaluationReport() {}

    /** Writes the report into {@code dir} and returns the path of {@value #HTML}. */
    static Path write(Path dir, ModelManifest model, Path modelDir, EvalSpec spec, int budget, double threshold,
            EvaluationSummary summary, List<EpisodeRecord> records) throws IOException {
        Files.createDirectories(dir);
        String mode = spec.openLoop() ? "open loop" : "MPC";
        String title = spec.world() + ": " + spec.planner().id() + " (" + mode + ")" + (spec.trueDynamics() ? " on the true dynamics" : "");
        EvaluationCharts.distanceCurves(records, threshold, title + ", distance to goal", dir.resolve(DISTANCES));
        EvaluationCharts.planTimes(records, title + ", time per plan", dir.resolve(PLAN_TIMES));
        List<String> gifs = new ArrayList<>();
        for (EpisodeRecord r : records) {
            String name = String.format("episode-%02d.gif", r.pair());
            if (EpisodeAnimations.write(r, dir.resolve(name))) {
                gifs.add(name);
            }
        }
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f4f4f4}")
                .append("td.l,th.l{text-align:left}.ok{color:#2e7d32}.no{color:#c62828}figure{display:inline-block;margin:6px}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>Fixed-budget protocol: each episode runs exactly ").append(budget)
                .append(spec.trueDynamics()
                        ? " environment steps; success is judged on the final state. This run planned inside a private copy of the "
                                + "simulator from the ground-truth state (the planner's ceiling, not the protocol).</p>\n"
                        : " environment steps; the planner never touches the simulator; success is judged on the final state.</p>\n");
        h.append("<table><tr><th class=l>pairs</th><th>successes</th><th>success rate</th><th>95% Wilson interval</th>")
                .append("<th>final distance (mean)</th><th>plan s (median)</th><th>plan s (p90)</th><th>plans</th>")
                .append("<th>model miss (median)</th></tr>\n");
        h.append("<tr><td class=l>").append(summary.pairs()).append("</td><td>").append(summary.successes()).append("</td><td><b>")
                .append(f("%.2f", summary.successRate())).append("</b></td><td>[").append(f("%.2f", summary.interval().low()))
                .append(", ").append(f("%.2f", summary.interval().high())).append("]</td><td>").append(f("%.3f", summary.finalDistanceMean()))
                .append("</td><td>").append(f("%.3f", summary.planSecondsMedian())).append("</td><td>")
                .append(f("%.3f", summary.planSecondsP90())).append("</td><td>").append(summary.replans()).append("</td><td>")
                .append(miss(summary.forecastErrorMedian())).append("</td></tr></table>\n");
        h.append("<p>Model miss: after each executed chunk, the distance (proprio units) between where the world model ")
                .append("imagined the agent would be, given the very actions executed, and where it was. A planner optimises ")
                .append("against its model, so a large miss on failed episodes means the plans leaned on the model's errors ")
                .append("(for example a wall it lets the agent through).</p>\n");
        h.append("<h2>Settings</h2>\n<table>");
        row(h, "model", modelDir.toString());
        row(h, "world model", model.preset() + " (" + model.mode() + "), " + model.steps() + " steps, trained on " + model.world());
        row(h, "encoder", model.encoderName() + " (" + model.encoderId() + ")");
        row(h, "planner", spec.planner().id() + ", " + mode + ", horizon " + spec.horizon() + " model steps"
                + (spec.samples() > 0 ? ", " + spec.samples() + " samples" : "") + (spec.iterations() > 0 ? ", " + spec.iterations() + " iterations" : "")
                + (spec.initSigma() > 0 ? ", initial sigma " + spec.initSigma() : ""));
        if (spec.trueDynamics()) {
            row(h, "dynamics", "none: planned with the simulator's dynamics, ground-truth state and the world's goal distance "
                    + "(the planner's ceiling, outside the protocol)");
        }
        row(h, "goal cost", (spec.discount() == 0 ? "last imagined frame" : "every imagined frame, weight " + spec.discount() + "^t")
                + ", proprio weight " + spec.effectiveProprioWeight());
        if (!spec.ensemble().isEmpty()) {
            row(h, "ensemble", (spec.ensemble().size() + 1) + " models: this one and " + spec.ensemble()
                    + "; mean prediction, spread weight " + spec.effectiveDisagreementWeight());
        }
        row(h, "success threshold", f("%.3f", threshold));
        row(h, "protocol seed", Long.toString(spec.protocolSeed()));
        h.append("</table>\n");
        h.append("<h2>Distance to goal</h2>\n<img src=\"").append(DISTANCES).append("\" alt=\"distance curves\">\n");
        h.append("<h2>Planning time</h2>\n<img src=\"").append(PLAN_TIMES).append("\" alt=\"plan time histogram\">\n");
        if (!gifs.isEmpty()) {
            h.append("<h2>Episodes (observed | goal)</h2>\n");
            for (String gif : gifs) {
                h.append("<figure><img src=\"").append(gif).append("\" alt=\"").append(gif).append("\"><figcaption>").append(gif)
                        .append("</figcaption></figure>\n");
            }
        }
        h.append("<h2>Episodes</h2>\n<table><tr><th>pair</th><th>seed</th><th class=l>result</th><th>start distance</th>")
                .append("<th>final distance</th><th>plans</th><th>plan s (mean)</th><th>model miss (median)</th></tr>\n");
        for (EpisodeRecord r : records) {
            double meanPlan = Arrays.stream(r.planSeconds()).average().orElse(Double.NaN);
            h.append("<tr><td>").append(r.pair()).append("</td><td>").append(r.seed()).append("</td><td class=\"l ")
                    .append(r.success() ? "ok\">success" : "no\">failure").append("</td><td>").append(f("%.3f", r.distances()[0]))
                    .append("</td><td>").append(f("%.3f", r.finalDistance())).append("</td><td>").append(r.planSeconds().length)
                    .append("</td><td>").append(f("%.3f", meanPlan)).append("</td><td>")
                    .append(miss(EvaluationSummary.median(r.forecastErrors()))).append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        Path html = dir.resolve(HTML);
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.writeFile(html, tmp -> Files.write(tmp, bytes));
        return html;
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th class=l>").append(esc(key)).append("</th><td class=l>").append(esc(value)).append("</td></tr>");
    }

    /** A model miss, or a dash where there is none (no model: a true-dynamics run). */
    private static String miss(double v) {
        return Double.isFinite(v) ? f("%.2f", v) : "—";
    }

    private static String f(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
