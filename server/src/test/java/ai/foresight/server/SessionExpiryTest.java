package ai.foresight.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionExpiryTest {

    @Test
    void idleSessionsExpireAndFreeTheirWarmStart() throws InterruptedException {
        FakeBackend backend = new FakeBackend();
        PlanningServer server = new PlanningServer(backend, ServerConfig.tiny().withSessionTtl(Duration.ofMillis(300)));
        HttpTestClient http = new HttpTestClient(server.start(0));
        try {
            String idle = HttpTestClient.json(http.post("/v1/sessions", "")).get("session_id").asText();
            String busy = HttpTestClient.json(http.post("/v1/sessions", "")).get("session_id").asText();
            ObjectNode body = Fixtures.planWithGoal(new float[] {0, 0}, new float[] {1, 1});
            body.put("session_id", idle);
            assertEquals(200, http.post("/v1/plan", body).statusCode());
            assertEquals(1, backend.liveWarmStarts.get());

            long until = System.nanoTime() + Duration.ofMillis(700).toNanos();
            body.put("session_id", busy);
            while (System.nanoTime() < until) {
                assertEquals(200, http.post("/v1/plan", body).statusCode(), "a session in use never expires");
                Thread.sleep(50);
            }
            body.put("session_id", idle);
            HttpResponse<String> expired = http.post("/v1/plan", body);
            assertEquals(404, expired.statusCode());
            assertEquals("session_not_found", HttpTestClient.error(expired).get("code").asText());
            assertEquals("session_id", HttpTestClient.error(expired).get("field").asText());
            assertEquals(1, backend.liveWarmStarts.get(), "only the session in use still holds a warm start");

            Thread.sleep(700);
            long deadline = System.currentTimeMillis() + 3000;
            while (backend.liveWarmStarts.get() != 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, backend.liveWarmStarts.get(), "the sweeper freed the idle session without a request");
            assertEquals(0, backend.doubleCloses.get());
            String metrics = http.get("/metrics").body();
            assertEquals(true, metrics.contains("foresight_sessions_active 0.0"), metrics);
        } finally {
            server.stop();
        }
    }
}
