package ai.foresight.experiments.adapt;

import ai.foresight.adaptation.AlignmentProbe;
import ai.foresight.adaptation.AlignmentTerms;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.experiments.report.LineChart;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an adaptation run logs: every update's named terms and, every few updates, the held-out
 * source–target distances. Written as {@code alignment.jsonl} and drawn as two PNG charts: the distances
 * ({@code alignment.png}) and the loss terms ({@code alignment-losses.png}).
 */
public final class AlignmentCurves {
    public static final String JSONL = "alignment.jsonl";
    public static final String DISTANCES_PNG = "alignment.png";
    public static final String LOSSES_PNG = "alignment-losses.png";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Long> termSteps = new ArrayList<>();
    private final List<AlignmentTerms> terms = new ArrayList<>();
    private final List<Long> probeSteps = new ArrayList<>();
    private final List<AlignmentProbe.Measurement> probes = new ArrayList<>();

    /** Records update {@code step}'s terms. */
    public void add(long step, AlignmentTerms t) {
        termSteps.add(step);
        terms.add(t);
    }

    /** Records a held-out measurement taken after {@code step} updates. */
    public void probe(long step, AlignmentProbe.Measurement m) {
        probeSteps.add(step);
        probes.add(m);
    }

    public List<AlignmentProbe.Measurement> probes() {
        return List.copyOf(probes);
    }

    public List<AlignmentTerms> terms() {
        return List.copyOf(terms);
    }

    /** Writes {@value #JSONL}, {@value #DISTANCES_PNG} and (when there were updates) {@value #LOSSES_PNG} into {@code dir}. */
    public void write(Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < probes.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("step", probeSteps.get(i));
            r.put("mmd2", probes.get(i).mmdSquared());
            r.put("paired_mse", finite(probes.get(i).pairedMeanSquare()));
            lines.append(JSON.writeValueAsString(r)).append('\n');
        }
        for (int i = 0; i < terms.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("step", termSteps.get(i));
            for (Map.Entry<String, Object> e : terms.get(i).asMap().entrySet()) {
                r.put(e.getKey(), e.getValue() instanceof Double d ? finite(d) : e.getValue());
            }
            lines.append(JSON.writeValueAsString(r)).append('\n');
        }
        AtomicFileWriter.writeFile(dir.resolve(JSONL), f -> Files.writeString(f, lines, StandardCharsets.UTF_8));
        double[] x = probeSteps.stream().mapToDouble(Long::doubleValue).toArray();
        double[] mmd = probes.stream().mapToDouble(AlignmentProbe.Measurement::mmdSquared).toArray();
        double[] paired = probes.stream().mapToDouble(AlignmentProbe.Measurement::pairedMeanSquare).toArray();
        LineChart distances = new LineChart("Held-out source-target distance", "update", "distance")
                .add(LineChart.Series.of("MMD² (RBF) source vs target embeddings", x, mmd));
        if (java.util.Arrays.stream(paired).anyMatch(Double::isFinite)) {
            distances.add(LineChart.Series.of("paired MSE to the source embedding of the same state", x, paired));
        }
        AtomicFileWriter.writeFile(dir.resolve(DISTANCES_PNG), distances::writePng);
        if (!terms.isEmpty()) {
            double[] steps = termSteps.stream().mapToDouble(Long::doubleValue).toArray();
            int window = Math.max(1, terms.size() / 50);
            LineChart losses = new LineChart("Alignment loss terms (moving average of " + window + ")", "update", "loss");
            addIfAny(losses, "adversarial (encoder)", steps, terms.stream().mapToDouble(AlignmentTerms::alignment).toArray(), window);
            addIfAny(losses, "critic", steps, terms.stream().mapToDouble(AlignmentTerms::critic).toArray(), window);
            addIfAny(losses, "dynamics consistency", steps, terms.stream().mapToDouble(AlignmentTerms::dynamics).toArray(), window);
            addIfAny(losses, "paired calibration", steps, terms.stream().mapToDouble(AlignmentTerms::paired).toArray(), window);
            AtomicFileWriter.writeFile(dir.resolve(LOSSES_PNG), losses::writePng);
        }
    }

    private static void addIfAny(LineChart chart, String name, double[] x, double[] y, int window) {
        if (java.util.Arrays.stream(y).anyMatch(Double::isFinite)) {
            chart.add(LineChart.Series.of(name, x, y).movingAverage(window));
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
