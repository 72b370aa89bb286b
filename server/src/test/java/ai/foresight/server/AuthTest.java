package ai.foresight.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.server.http.BearerAuth;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static final String TOKEN = "s3cret-token";

    @Test
    void withATokenEveryRouteButHealthzNeedsIt() {
        FakeBackend backend = new FakeBackend();
        PlanningServer server = new PlanningServer(backend, ServerConfig.tiny().withBearerToken(TOKEN));
        int port = server.start(0);
        try {
            HttpTestClient anonymous = new HttpTestClient(port);
            HttpTestClient wrong = new HttpTestClient(port, "s3cret-tokeN");
            HttpTestClient prefix = new HttpTestClient(port, "s3cret");
            HttpTestClient right = new HttpTestClient(port, TOKEN);
            String plan = Fixtures.planWithGoal(new float[] {0, 0}, new float[] {1, 1}).toString();

            assertEquals(200, anonymous.get("/healthz").statusCode(), "liveness probes need no token");
            for (HttpTestClient client : new HttpTestClient[] {anonymous, wrong, prefix}) {
                HttpResponse<String> denied = client.post("/v1/plan", plan);
                assertEquals(401, denied.statusCode());
                assertEquals("unauthorized", HttpTestClient.error(denied).get("code").asText());
                assertEquals("Authorization", HttpTestClient.error(denied).get("field").asText());
                assertEquals("Bearer", denied.headers().firstValue("WWW-Authenticate").orElse(""));
                assertEquals(401, client.get("/v1/model").statusCode());
                assertEquals(401, client.get("/metrics").statusCode());
                assertEquals(401, client.post("/v1/sessions", "{}").statusCode());
            }
            assertEquals(0, backend.plans.get(), "nothing unauthenticated reached the backend");
            assertEquals(200, right.post("/v1/plan", plan).statusCode());
            assertEquals(200, right.get("/v1/model").statusCode());

            CompletionException refused = assertThrows(CompletionException.class,
                    () -> new MsgpackSocketClient(port, "/", null));
            assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
            assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
            assertThrows(CompletionException.class, () -> new MsgpackSocketClient(port, "/", "Bearer nope"));
            try (MsgpackSocketClient openpi = new MsgpackSocketClient(port, "/", "Api-Key " + TOKEN)) {
                assertEquals("fake-v1", openpi.receive().map().get("model_id"), "openpi's api_key header works");
            }
            try (MsgpackSocketClient bearer = new MsgpackSocketClient(port, "/v1/ws", "Bearer " + TOKEN)) {
                assertEquals("fake-v1", bearer.receive().map().get("model_id"));
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutATokenNothingIsRequired() {
        PlanningServer server = new PlanningServer(new FakeBackend(), ServerConfig.tiny());
        int port = server.start(0);
        try {
            HttpTestClient anonymous = new HttpTestClient(port);
            assertEquals(200, anonymous.post("/v1/plan", Fixtures.planWithGoal(new float[] {0, 0},
                    new float[] {1, 1})).statusCode());
            assertEquals(200, new HttpTestClient(port, "anything").get("/v1/model").statusCode());
            try (MsgpackSocketClient client = new MsgpackSocketClient(port, "/", null)) {
                assertEquals("fake-v1", client.receive().map().get("model_id"));
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void tokenComparisonIsExactAndSchemeAware() {
        BearerAuth auth = new BearerAuth(TOKEN);
        assertTrue(auth.accepts("Bearer " + TOKEN));
        assertTrue(auth.accepts("bearer " + TOKEN));
        assertTrue(auth.accepts("Api-Key " + TOKEN));
        assertFalse(auth.accepts(TOKEN));
        assertFalse(auth.accepts("Basic " + TOKEN));
        assertFalse(auth.accepts("Bearer " + TOKEN + "x"));
        assertFalse(auth.accepts("Bearer "));
        assertFalse(auth.accepts(null));
        assertFalse(ServerConfig.tiny().withBearerToken(TOKEN).toString().contains(TOKEN), "config never prints it");
    }
}
