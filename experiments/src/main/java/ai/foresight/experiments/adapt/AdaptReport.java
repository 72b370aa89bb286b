package ai.foresight.experiments.adapt;

import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.datasets.store.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html} of an adaptation: the success table (the model's own world, the target world before
 * and after adapting, each with its 95% Wilson interval), the held-out distances before and after, the
 * alignment curves and the settings.
 */
public final class AdaptReport {
    public static final String HTML = "report.html";

    private AdaptReport() {}

    /**
     * @param evaluations label → summary, in display order; a null summary means that evaluation was skipped
     * @param settings label → value rows of the settings table
     */
    public static Path write(Path dir, String title, Map<String, EvaluationSummary> evaluations, AdaptationRun.Outcome outcome,
            Map<String, String> settings) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}")
                .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>Reward-free test-time adaptation (RePo): the predictor, heads and decoder stay frozen; only the encoder side "
                + "(adapters on the frozen encoder and, in RePo mode, the posterior) learns from unlabelled target frames.</p>\n");
        h.append("<h2>Closed-loop success (fixed budget)</h2>\n<table><tr><th class=l>world / encoder</th><th>pairs</th>")
                .append("<th>successes</th><th>success rate</th><th>95% Wilson interval</th><th>final distance (mean)</th>")
                .append("<th>plan s (median)</th></tr>\n");
        for (Map.Entry<String, EvaluationSummary> e : evaluations.entrySet()) {
            EvaluationSummary s = e.getValue();
            h.append("<tr><td class=l>").append(esc(e.getKey())).append("</td>");
            if (s == null) {
                h.append("<td colspan=6 class=l>not evaluated</td></tr>\n");
                continue;
            }
            h.append("<td>").append(s.pairs()).append("</td><td>").append(s.successes()).append("</td><td><b>")
                    .append(f("%.2f", s.successRate())).append("</b></td><td>[").append(f("%.2f", s.interval().low())).append(", ")
                    .append(f("%.2f", s.interval().high())).append("]</td><td>").append(f("%.3f", s.finalDistanceMean()))
                    .append("</td><td>").append(f("%.3f", s.planSecondsMedian())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Held-out embedding distance</h2>\n<table><tr><th class=l></th><th>before</th><th>after</th></tr>\n");
        h.append("<tr><td class=l>MMD² (RBF, fixed bandwidth) source vs target</td><td>").append(f("%.5f", outcome.before().mmdSquared()))
                .append("</td><td>").append(f("%.5f", outcome.after().mmdSquared())).append("</td></tr>\n");
        h.append("<tr><td class=l>paired MSE to the source embedding of the same state</td><td>")
                .append(f("%.5f", outcome.before().pairedMeanSquare())).append("</td><td>")
                .append(f("%.5f", outcome.after().pairedMeanSquare())).append("</td></tr>\n</table>\n");
        h.append("<img src=\"").append(AlignmentCurves.DISTANCES_PNG).append("\" alt=\"alignment curves\">\n");
        if (!outcome.curves().terms().isEmpty()) {
            h.append("<img src=\"").append(AlignmentCurves.LOSSES_PNG).append("\" alt=\"alignment loss terms\">\n");
        }
        h.append("<h2>Settings</h2>\n<table>");
        Map<String, String> rows = new LinkedHashMap<>(settings);
        for (Map.Entry<String, String> e : rows.entrySet()) {
            h.append("<tr><th class=l>").append(esc(e.getKey())).append("</th><td class=l>").append(esc(e.getValue())).append("</td></tr>");
        }
        h.append("</table>\n</body></html>\n");
        Path html = dir.resolve(HTML);
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.writeFile(html, tmp -> Files.write(tmp, bytes));
        return html;
    }

    private static String f(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "n/a";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
