package ai.foresight.experiments.planbench;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where libtorch spends its time, op by op: runs some work under libtorch's own profiler (through DJL's
 * {@code JniUtils.startProfile}), reads the Chrome trace it writes, and sums each op's <em>self</em> time
 * (its duration minus the ops it called, so {@code aten::linear} does not count its {@code aten::mm} again).
 * GEMM ({@code aten::mm}, {@code aten::bmm}, {@code aten::addmm}) against the element-wise ops, copies and
 * concatenations is the split that decides what to optimise.
 *
 * @param selfSeconds self time per op name, largest first
 * @param calls calls per op name
 */
public record OpProfile(Map<String, Double> selfSeconds, Map<String, Integer> calls) {
    /** The ops that are matrix products. */
    public static final List<String> GEMM_OPS = List.of("aten::mm", "aten::bmm", "aten::addmm", "aten::baddbmm");

    private static final ObjectMapper JSON = new ObjectMapper();

    public OpProfile {
        selfSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(selfSeconds));
        calls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calls));
    }

    /** Profiles {@code work} (libtorch must be loaded); the trace goes to a temporary file that is deleted. */
    public static OpProfile of(Runnable work) throws IOException {
        Path trace = Files.createTempFile("foresight-profile-", ".json");
        try {
            JniUtils.startProfile(false, false, false);
            try {
                work.run();
            } finally {
                JniUtils.stopProfile(trace.toString());
            }
            return parse(trace);
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    /** Reads a Chrome trace of complete ("X") events and computes self times per thread. */
    public static OpProfile parse(Path trace) throws IOException {
        JsonNode root = JSON.readTree(trace.toFile());
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        List<JsonNode> complete = new ArrayList<>();
        for (JsonNode e : events) {
            if ("X".equals(e.path("ph").asText()) && e.has("dur")) {
                complete.add(e);
            }
        }
        complete.sort(Comparator.comparing((JsonNode e) -> e.path("tid").asText())
                .thenComparingDouble(e -> e.path("ts").asDouble())
                .thenComparingDouble(e -> -e.path("dur").asDouble()));
        Map<String, Double> self = new LinkedHashMap<>();
        Map<String, Integer> calls = new LinkedHashMap<>();
        Deque<double[]> openEnds = new ArrayDeque<>();
        Deque<String> openNames = new ArrayDeque<>();
        String thread = null;
        for (JsonNode e : complete) {
            String tid = e.path("tid").asText();
            if (!tid.equals(thread)) {
                openEnds.clear();
                openNames.clear();
                thread = tid;
            }
            double ts = e.path("ts").asDouble();
            double dur = e.path("dur").asDouble();
            while (!openEnds.isEmpty() && openEnds.peek()[0] <= ts) {
                openEnds.pop();
                openNames.pop();
            }
            String name = e.path("name").asText();
            if (!openNames.isEmpty()) {
                self.merge(openNames.peek(), -dur / 1e6, Double::sum);
            }
            self.merge(name, dur / 1e6, Double::sum);
            calls.merge(name, 1, Integer::sum);
            openEnds.push(new double[] {ts + dur});
            openNames.push(name);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        self.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return new OpProfile(sorted, calls);
    }

    /** Self time of every op together. */
    public double totalSeconds() {
        return selfSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Self time of the matrix-product ops. */
    public double gemmSeconds() {
        return GEMM_OPS.stream().mapToDouble(op -> selfSeconds.getOrDefault(op, 0.0)).sum();
    }

    /** The {@code n} ops with the most self time. */
    public Map<String, Double> top(int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        selfSeconds.entrySet().stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
