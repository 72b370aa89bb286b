package ai.foresight.datasets.worlds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.Env;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Env#transition} of the built-in worlds: the step's own next state, and the episode left alone. */
class TransitionTest {

    @Test
    void matchesAStepFromTheSameStateInEveryWorld() {
        for (String id : Worlds.ids()) {
            Env probe = Worlds.create(id, 32);
            Env stepper = Worlds.create(id, 32);
            SplittableRandom random = new SplittableRandom(5);
            for (long seed = 0; seed < 5; seed++) {
                probe.reset(seed);
                double[] s = probe.state();
                double[] a = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
                stepper.resetTo(s, probe.goal());
                stepper.step(a);
                assertArrayEquals(stepper.state(), probe.transition(s, a), 1e-9, id + ": transition vs step from seed " + seed);
            }
        }
    }

    @Test
    void leavesTheEpisodeUntouched() {
        for (String id : Worlds.ids()) {
            Env a = Worlds.create(id, 32);
            Env b = Worlds.create(id, 32);
            a.reset(3);
            b.reset(3);
            Env other = Worlds.create(id, 32);
            other.reset(9);
            a.transition(other.state(), new double[] {0.7, -0.4});
            double[] action = {0.5, 0.3};
            a.step(action);
            b.step(action);
            assertArrayEquals(b.state(), a.state(), 1e-12, id + ": a transition from another state must not move the episode's simulator");
        }
    }

    @Test
    void badStateIsRefusedNamingTheField() {
        Env wall = Worlds.create("wall", 32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wall.transition(new double[] {1}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("state"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wall.transition(new double[] {10, 10}, new double[] {Double.NaN, 0}));
    }
}
