package ai.foresight.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.WarmStart;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistriesTest {

    private static final class Counted implements GoalHandle, WarmStart {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static PlanResult resultWith(WarmStart warmStart) {
        return new PlanResult(new float[][] {{0}}, new float[0][1], 0, 0, 0, warmStart);
    }

    @Test
    void aLeasedGoalStaysOpenUntilItsLastPlanEnds() {
        GoalRegistry goals = new GoalRegistry(Duration.ofMinutes(1), 4);
        Counted handle = new Counted();
        String id = goals.register(handle);
        GoalRegistry.Lease lease = goals.acquire(id);
        goals.delete(id);
        assertEquals(0, handle.closes.get(), "a running plan still reads it");
        assertEquals(404, assertThrows(ApiException.class, () -> goals.acquire(id)).status());
        lease.close();
        lease.close();
        assertEquals(1, handle.closes.get(), "closed exactly once when the lease ended");
        assertEquals(404, assertThrows(ApiException.class, () -> goals.delete(id)).status());
    }

    @Test
    void goalsExpireWhenUnusedAndTheRegistryIsBounded() throws InterruptedException {
        GoalRegistry goals = new GoalRegistry(Duration.ofMillis(50), 2);
        Counted a = new Counted();
        Counted b = new Counted();
        String idA = goals.register(a);
        goals.register(b);
        Counted c = new Counted();
        assertEquals(429, assertThrows(ApiException.class, () -> goals.register(c)).status());
        assertEquals(1, c.closes.get(), "a refused handle is closed, not leaked");
        Thread.sleep(80);
        assertEquals(2, goals.evictIdle());
        assertEquals(1, a.closes.get());
        assertEquals(1, b.closes.get());
        assertEquals(404, assertThrows(ApiException.class, () -> goals.acquire(idA)).status());
        assertNotEquals(idA, goals.register(new Counted()), "ids are not reused");
    }

    @Test
    void aSessionPlansOneAtATimeAndClosesReplacedWarmStarts() {
        Session session = new Session("s-1");
        assertNull(session.begin(false));
        assertEquals(409, assertThrows(ApiException.class, () -> session.begin(false)).status());
        Counted first = new Counted();
        session.settle(null, resultWith(first));
        assertSame(first, session.begin(false));
        Counted second = new Counted();
        session.settle(first, resultWith(second));
        assertEquals(1, first.closes.get());
        assertSame(second, session.begin(false));
        session.settle(second, null);
        assertEquals(0, second.closes.get(), "a failed plan keeps the old warm start");
        assertSame(second, session.begin(false));
        session.settle(second, resultWith(second));
        assertEquals(0, second.closes.get(), "a backend may hand back the same warm start");
        assertEquals(3, session.plans());
    }

    @Test
    void closingABusySessionDefersUntilThePlanSettles() {
        Session session = new Session("s-2");
        Counted old = new Counted();
        session.settle(session.begin(false), resultWith(old));
        WarmStart previous = session.begin(false);
        session.close();
        assertEquals(0, old.closes.get(), "still in use by the running plan");
        Counted fresh = new Counted();
        session.settle(previous, resultWith(fresh));
        assertEquals(1, old.closes.get());
        assertEquals(1, fresh.closes.get());
        assertEquals(404, assertThrows(ApiException.class, () -> session.begin(false)).status());
    }

    @Test
    void sessionRegistryExpiresIdleSessionsAndCapsTheirNumber() throws InterruptedException {
        SessionRegistry sessions = new SessionRegistry(Duration.ofMillis(50), 2);
        Session a = sessions.create();
        Session b = sessions.create();
        assertEquals(429, assertThrows(ApiException.class, sessions::create).status());
        b.begin(false);
        Thread.sleep(80);
        assertEquals(404, assertThrows(ApiException.class, () -> sessions.get(a.id())).status());
        assertEquals(0, sessions.evictIdle(), "a was expired by the lookup; b is busy");
        assertSame(b, sessions.get(b.id()));
        b.settle(null, null);
        assertTrue(sessions.create().id().startsWith("s-"));
        assertFalse(a.id().equals(b.id()));
    }
}
