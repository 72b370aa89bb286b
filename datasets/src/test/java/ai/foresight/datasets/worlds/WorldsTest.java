package ai.foresight.datasets.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.policy.CollectionPolicy;
import ai.foresight.datasets.policy.MazeWaypointPolicy;
import ai.foresight.datasets.policy.PushTScriptedPolicy;
import ai.foresight.datasets.policy.WallRandomWalkPolicy;
import org.junit.jupiter.api.Test;

class WorldsTest {

    @Test
    void everyWorldRunsItsDefaultPolicyAtTheRequestedSize() {
        for (String id : Worlds.ids()) {
            Env env = Worlds.create(id, 24);
            EnvSpec spec = env.spec();
            assertEquals(id, spec.name());
            assertEquals(24, spec.frameHeight());
            assertEquals(2, spec.actionDim());
            CollectionPolicy policy = Worlds.collectionPolicy(id);
            Observation first = env.reset(3);
            assertEquals(24, first.frame().width());
            assertEquals(spec.proprioDim(), first.proprio().length);
            policy.reset(env, 3);
            for (int t = 0; t < 20; t++) {
                double[] a = policy.act(env);
                for (int i = 0; i < a.length; i++) {
                    assertTrue(a[i] >= spec.actionLow()[i] && a[i] <= spec.actionHigh()[i], id + " action in bounds");
                }
                Observation o = env.step(a).observation();
                assertEquals(spec.stateDim(), env.state().length);
                assertEquals(o.frame(), env.render(env.state()), id + ": the step's frame is the render of its state");
            }
            Observation goal = env.goalObservation();
            assertEquals(24, goal.frame().height());
        }
    }

    @Test
    void defaultPoliciesMatchTheWorlds() {
        assertInstanceOf(WallRandomWalkPolicy.class, Worlds.collectionPolicy("wall"));
        assertInstanceOf(WallRandomWalkPolicy.class, Worlds.collectionPolicy("wall-random"));
        assertInstanceOf(MazeWaypointPolicy.class, Worlds.collectionPolicy("pointmaze"));
        assertInstanceOf(PushTScriptedPolicy.class, Worlds.collectionPolicy("pusht"));
    }

    @Test
    void unknownIdsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Worlds.create("maze", 64));
        assertTrue(e.getMessage().contains("world: expected one of [wall, wall-random, pointmaze, pusht], got maze"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Worlds.collectionPolicy(null));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> Worlds.create("pusht", 4));
        assertTrue(size.getMessage().startsWith("size: expected at least 8 pixels"), size.getMessage());
    }
}
