package ai.foresight.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Every metric the planning server exports, rendered as Prometheus text. Label values come from a bounded set
 * (route templates such as {@code /v1/sessions/{id}}, status codes, error codes), never from raw request paths.
 */
public final class ServerMetrics {

    /** Latency bucket bounds in seconds, from 1 ms to 10 s. */
    private static final double[] LATENCY_BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
            5, 10};
    private static final double[] BATCH_BOUNDS = {1, 2, 4, 8, 16, 32, 64};

    private final Map<RequestKey, LongAdder> httpRequests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> httpLatency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> wsMessages = new ConcurrentHashMap<>();
    private final Histogram wsLatency = new Histogram(LATENCY_BOUNDS);
    private final Histogram batchSize = new Histogram(BATCH_BOUNDS);
    private final Histogram backendLatency = new Histogram(LATENCY_BOUNDS);
    private final LongAdder droppedJobs = new LongAdder();
    private final Map<String, Gauge> gauges = new ConcurrentSkipListMap<>();

    private record Gauge(String help, DoubleSupplier value) {
    }

    private record RequestKey(String method, String route, int status) implements Comparable<RequestKey> {
        @Override
        public int compareTo(RequestKey o) {
            int byRoute = route.compareTo(o.route);
            int byMethod = method.compareTo(o.method);
            return byRoute != 0 ? byRoute : byMethod != 0 ? byMethod : Integer.compare(status, o.status);
        }
    }

    /** Counts one answered HTTP request and its latency. */
    public void recordHttp(String method, String route, int status, double seconds) {
        httpRequests.computeIfAbsent(new RequestKey(method, route, status), k -> new LongAdder()).increment();
        httpLatency.computeIfAbsent(route, k -> new Histogram(LATENCY_BOUNDS)).observe(seconds);
    }

    /** Counts one answered WebSocket message ({@code ok} or an error code) and its latency. */
    public void recordWebSocket(String outcome, double seconds) {
        wsMessages.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        wsLatency.observe(seconds);
    }

    /** Records one backend call over {@code size} queued requests. */
    public void recordBatch(int size, double seconds) {
        batchSize.observe(size);
        backendLatency.observe(seconds);
    }

    /** Counts a queued job dropped because its deadline passed or its caller gave up before it ran. */
    public void recordDropped() {
        droppedJobs.increment();
    }

    /** Exports a value read at scrape time (queue depth, live sessions, ...). */
    public void registerGauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, new Gauge(help, value));
    }

    /** Total HTTP requests counted with this status, over all routes (for tests and logs). */
    public long httpCount(int status) {
        return httpRequests.entrySet().stream().filter(e -> e.getKey().status() == status)
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** The whole exposition, Prometheus text format 0.0.4. */
    public String render() {
        StringBuilder out = new StringBuilder(4096);
        family(out, "foresight_http_requests_total", "counter", "HTTP requests answered, by method, route and status.");
        new TreeMap<>(httpRequests).forEach((key, count) -> out.append("foresight_http_requests_total{method=\"")
                .append(escape(key.method())).append("\",route=\"").append(escape(key.route())).append("\",status=\"")
                .append(key.status()).append("\"} ").append(count.sum()).append('\n'));
        family(out, "foresight_http_request_duration_seconds", "histogram", "HTTP request latency by route.");
        new TreeMap<>(httpLatency).forEach((route, histogram) -> histogram.render(out,
                "foresight_http_request_duration_seconds", "route=\"" + escape(route) + "\""));
        family(out, "foresight_ws_messages_total", "counter", "WebSocket messages answered, by outcome.");
        new TreeMap<>(wsMessages).forEach((outcome, count) -> out.append("foresight_ws_messages_total{outcome=\"")
                .append(escape(outcome)).append("\"} ").append(count.sum()).append('\n'));
        family(out, "foresight_ws_message_duration_seconds", "histogram", "WebSocket message latency.");
        wsLatency.render(out, "foresight_ws_message_duration_seconds", "");
        family(out, "foresight_plan_batch_size", "histogram", "Requests planned per backend call.");
        batchSize.render(out, "foresight_plan_batch_size", "");
        family(out, "foresight_backend_duration_seconds", "histogram", "Wall time of one backend call.");
        backendLatency.render(out, "foresight_backend_duration_seconds", "");
        family(out, "foresight_dropped_jobs_total", "counter", "Queued jobs dropped after their deadline passed.");
        out.append("foresight_dropped_jobs_total ").append(droppedJobs.sum()).append('\n');
        gauges.forEach((name, gauge) -> {
            family(out, name, "gauge", gauge.help());
            out.append(name).append(' ').append(gauge.value().getAsDouble()).append('\n');
        });
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Escapes a label value as the exposition format requires (backslash, double quote, newline). */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
