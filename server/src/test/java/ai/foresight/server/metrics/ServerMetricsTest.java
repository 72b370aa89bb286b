package ai.foresight.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerMetricsTest {

    @Test
    void histogramBucketsAreCumulativeWithSumAndCount() {
        Histogram h = new Histogram(1, 2, 5);
        for (double v : new double[] {0.5, 1, 1.5, 4, 9}) {
            h.observe(v);
        }
        StringBuilder out = new StringBuilder();
        h.render(out, "x", "route=\"/a\"");
        assertEquals("""
                x_bucket{route="/a",le="1.0"} 2
                x_bucket{route="/a",le="2.0"} 3
                x_bucket{route="/a",le="5.0"} 4
                x_bucket{route="/a",le="+Inf"} 5
                x_sum{route="/a"} 16.0
                x_count{route="/a"} 5
                """, out.toString());
        assertThrows(IllegalArgumentException.class, () -> new Histogram(2, 1));
    }

    @Test
    void exportCountsByRouteAndStatusWithTypedFamilies() {
        ServerMetrics metrics = new ServerMetrics();
        metrics.recordHttp("POST", "/v1/plan", 200, 0.003);
        metrics.recordHttp("POST", "/v1/plan", 200, 0.004);
        metrics.recordHttp("POST", "/v1/plan", 503, 0.0001);
        metrics.recordWebSocket("ok", 0.01);
        metrics.registerGauge("foresight_plan_queue_depth", "Requests waiting.", () -> 3);
        String text = metrics.render();
        assertTrue(text.contains("foresight_http_requests_total{method=\"POST\",route=\"/v1/plan\",status=\"200\"} 2\n"));
        assertTrue(text.contains("foresight_http_requests_total{method=\"POST\",route=\"/v1/plan\",status=\"503\"} 1\n"));
        assertTrue(text.contains("# TYPE foresight_http_request_duration_seconds histogram\n"));
        assertTrue(text.contains("foresight_http_request_duration_seconds_count{route=\"/v1/plan\"} 3\n"));
        assertTrue(text.contains("foresight_ws_messages_total{outcome=\"ok\"} 1\n"));
        assertTrue(text.contains("# TYPE foresight_plan_queue_depth gauge\nforesight_plan_queue_depth 3.0\n"));
        assertEquals(2, metrics.httpCount(200));
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                    || line.matches("[a-z_]+(\\{[^}]*})? [-0-9.E+]+"), "not exposition format: " + line);
        }
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\"b\\\\c\\nd", ServerMetrics.escape("a\"b\\c\nd"));
    }
}
