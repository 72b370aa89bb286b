package ai.foresight.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many robots against one backend: bounded queue, batching, deadlines, and no growth over many requests. */
class LoadTest {

    @Test
    void concurrentClientsGetAPlanOrA503AndNothingElse() throws Exception {
        FakeBackend backend = new FakeBackend();
        backend.delayMillis = 3;
        PlanningServer server = new PlanningServer(backend, ServerConfig.tiny().withQueue(2, 2));
        int port = server.start(0);
        String body = rawPlan(new float[] {0, 0}, new float[] {1, 1}).toString();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Set<String> retryAfter = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                clients.add(pool.submit(() -> {
                    HttpTestClient http = new HttpTestClient(port);
                    for (int i = 0; i < 20; i++) {
                        HttpResponse<String> response = http.post("/v1/plan", body);
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 503) {
                            retryAfter.add(response.headers().firstValue("Retry-After").orElse("missing"));
                            assertEquals("overloaded", HttpTestClient.error(response).get("code").asText());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            server.stop();
        }
        assertEquals(Set.of(), Set.copyOf(statuses.keySet()).stream().filter(s -> s != 200 && s != 503)
                .collect(java.util.stream.Collectors.toSet()), "only 200 or 503: " + statuses);
        int ok = statuses.getOrDefault(200, new AtomicInteger()).get();
        int overloaded = statuses.getOrDefault(503, new AtomicInteger()).get();
        assertEquals(320, ok + overloaded);
        assertTrue(ok > 0, "some requests were planned: " + statuses);
        assertTrue(overloaded > 0, "a queue of 2 must overflow with 16 clients: " + statuses);
        assertEquals(Set.of("1"), retryAfter);
        assertEquals(ok, backend.plans.get(), "every 200 was planned exactly once");
        assertEquals(2, backend.largestBatch.get(), "queued requests were batched, never beyond maxBatch");
        assertEquals(Set.of("foresight-plan-worker"), backend.callerThreads, "the backend sees one thread");
        assertEquals(0, backend.liveWarmStarts.get());
    }

    @Test
    void aSlowPlanAnswers504AndKeepsTheSessionUsable() throws Exception {
        FakeBackend backend = new FakeBackend();
        backend.delayMillis = 400;
        PlanningServer server = new PlanningServer(backend, ServerConfig.tiny()
                .withRequestTimeout(Duration.ofMillis(150)));
        HttpTestClient http = new HttpTestClient(server.start(0));
        try {
            String session = HttpTestClient.json(http.post("/v1/sessions", "")).get("session_id").asText();
            ObjectNode body = rawPlan(new float[] {0, 0}, new float[] {1, 1});
            body.put("session_id", session);
            HttpResponse<String> late = http.post("/v1/plan", body);
            assertEquals(504, late.statusCode());
            assertEquals("deadline_exceeded", HttpTestClient.error(late).get("code").asText());

            Thread.sleep(400);
            backend.delayMillis = 0;
            HttpResponse<String> next = http.post("/v1/plan", body);
            assertEquals(200, next.statusCode(), next.body());
            assertEquals(1.0, HttpTestClient.json(next).get("objective").asDouble(),
                    "the late plan still left its warm start in the session");
        } finally {
            server.stop();
        }
        assertEquals(0, backend.liveWarmStarts.get());
        assertEquals(0, backend.doubleCloses.get());
    }

    @Test
    void heapAndBackendResourcesStaySteadyOver2000Requests() throws Exception {
        FakeBackend backend = new FakeBackend();
        PlanningServer server = new PlanningServer(backend, ServerConfig.tiny());
        HttpTestClient http = new HttpTestClient(server.start(0));
        try {
            String goalId = HttpTestClient.json(http.post("/v1/goals", Fixtures.observation(Fixtures.frame(3), 1, 1)))
                    .get("goal_id").asText();
            String session = HttpTestClient.json(http.post("/v1/sessions", "")).get("session_id").asText();
            ObjectNode inline = rawPlan(new float[] {0, 0}, new float[] {1, 1});
            inline.put("session_id", session);
            ObjectNode byId = rawPlan(new float[] {0.5f, 0}, new float[] {0, 0});
            byId.remove("goal");
            byId.put("goal_id", goalId);
            String[] bodies = {inline.toString(), byId.toString(), "{\"image\": 1}"};
            int[] expected = {200, 200, 400};

            long baseline = 0;
            for (int i = 0; i < 2000; i++) {
                int kind = i % 3;
                assertEquals(expected[kind], http.post("/v1/plan", bodies[kind]).statusCode());
                if (i == 199) {
                    baseline = usedHeapAfterGc();
                }
            }
            long after = usedHeapAfterGc();
            assertTrue(after - baseline < 24L << 20, "heap grew by " + ((after - baseline) >> 20) + " MiB");
            assertEquals(1, backend.liveWarmStarts.get(), "one session, one warm start");
            assertEquals(1, backend.liveGoals.get(), "one registered goal");
            assertEquals(1334, backend.plans.get());
        } finally {
            server.stop();
        }
        assertEquals(0, backend.liveWarmStarts.get(), "stopping the server frees every warm start");
        assertEquals(0, backend.liveGoals.get(), "and every goal");
        assertEquals(0, backend.doubleCloses.get());
    }

    /** A plan body with raw uint8 images (cheap to build and decode). */
    private static ObjectNode rawPlan(float[] proprio, float[] goalProprio) {
        ObjectNode body = Fixtures.MAPPER.createObjectNode();
        body.set("image", Fixtures.rawImage(Fixtures.frame(1)));
        body.set("proprio", Fixtures.numbers(proprio));
        ObjectNode goal = body.putObject("goal");
        goal.set("image", Fixtures.rawImage(Fixtures.frame(2)));
        goal.set("proprio", Fixtures.numbers(goalProprio));
        return body;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
