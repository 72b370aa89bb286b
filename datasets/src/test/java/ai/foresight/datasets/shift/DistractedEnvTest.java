package ai.foresight.datasets.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.generate.DotWorld;
import ai.foresight.datasets.generate.WigglePolicy;
import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Distracted and clean frames come from one state; the distraction is a pure function of the seeds. */
class DistractedEnvTest {
    private static final String ALL = "shapes,texture,tv,color-shift,lighting";

    /** Frames of a 15-step rollout of a distracted DotWorld. */
    private static List<Frame> rollout(String ids, long shiftSeed, long episodeSeed) {
        DistractedEnv env = new DistractedEnv(new DotWorld(32), Shifts.parse(ids, shiftSeed));
        WigglePolicy policy = new WigglePolicy();
        List<Frame> frames = new ArrayList<>();
        frames.add(env.reset(episodeSeed).frame());
        policy.reset(env, 5);
        for (int t = 0; t < 15; t++) {
            frames.add(env.step(policy.act(env)).observation().frame());
        }
        return frames;
    }

    @Test
    void pairsShareTheUnderlyingState() {
        DotWorld plain = new DotWorld(32);
        DistractedEnv env = new DistractedEnv(new DotWorld(32), Shifts.parse(ALL, 11));
        WigglePolicy p1 = new WigglePolicy();
        WigglePolicy p2 = new WigglePolicy();
        Observation a = plain.reset(42);
        Observation b = env.reset(42);
        p1.reset(plain, 9);
        p2.reset(env, 9);
        int differing = 0;
        for (int t = 0; t < 20; t++) {
            assertArrayEquals(plain.state(), env.state(), "state at step " + t);
            assertArrayEquals(a.proprio(), b.proprio(), "proprio at step " + t);
            assertEquals(a.frame(), env.cleanObservation().frame(), "clean frame equals the plain world's at step " + t);
            assertEquals(plain.render(plain.state()), env.cleanRender(env.state()));
            if (!a.frame().equals(b.frame())) {
                differing++;
            }
            double[] act1 = p1.act(plain);
            double[] act2 = p2.act(env);
            assertArrayEquals(act1, act2);
            var r1 = plain.step(act1);
            var r2 = env.step(act2);
            assertEquals(r1.reward(), r2.reward());
            a = r1.observation();
            b = r2.observation();
        }
        assertEquals(20, differing, "every distracted frame differs from its clean frame");
    }

    @Test
    void deterministicBySeed() {
        assertEquals(rollout(ALL, 3, 100), rollout(ALL, 3, 100));
        assertNotEquals(rollout(ALL, 3, 100), rollout(ALL, 4, 100), "another shift seed, other distractors");
        assertNotEquals(rollout("shapes", 3, 100).get(0), rollout("shapes", 3, 101).get(0),
                "another episode, other shapes");
    }

    @Test
    void listingOrderDoesNotMatter() {
        assertEquals(rollout("tv,shapes,texture", 3, 100), rollout("texture,shapes,tv", 3, 100));
    }

    @Test
    void eachDistractorMovesOverTimeAndDomainShiftsDoNot() {
        for (String id : List.of("shapes", "texture", "tv")) {
            DistractedEnv env = new DistractedEnv(new DotWorld(32), Shifts.parse(id, 1));
            env.reset(7);
            double[] s = env.state();
            Frame at0 = env.render(s);
            env.step(new double[] {0, 0});
            env.step(new double[] {0, 0});
            assertArrayEquals(s, env.state(), "a zero action keeps the state");
            assertNotEquals(at0, env.render(s), id + " changes with time while the state stands still");
        }
        for (String id : List.of("color-shift", "lighting")) {
            DistractedEnv env = new DistractedEnv(new DotWorld(32), Shifts.parse(id, 1));
            env.reset(7);
            Frame at0 = env.render(env.state());
            env.step(new double[] {0, 0});
            assertEquals(at0, env.render(env.state()), id + " is a fixed domain property");
            assertNotEquals(env.cleanRender(env.state()), at0);
        }
    }

    @Test
    void backgroundDistractorsNeverTouchTheScene() {
        DistractedEnv env = new DistractedEnv(new DotWorld(32), Shifts.parse("shapes,texture,tv", 2));
        env.reset(8);
        int changedBackground = 0;
        for (int t = 0; t < 10; t++) {
            Frame clean = env.cleanObservation().frame();
            Frame seen = env.observe().frame();
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean background = clean.get(y, x, 0) == DotWorld.BACKGROUND[0]
                            && clean.get(y, x, 1) == DotWorld.BACKGROUND[1] && clean.get(y, x, 2) == DotWorld.BACKGROUND[2];
                    for (int c = 0; c < 3; c++) {
                        if (!background) {
                            assertEquals(clean.get(y, x, c), seen.get(y, x, c), "scene pixel " + y + "," + x);
                        } else if (clean.get(y, x, c) != seen.get(y, x, c)) {
                            changedBackground++;
                        }
                    }
                }
            }
            env.step(new double[] {0.5, -0.5});
        }
        assertTrue(changedBackground > 1000, "the background is replaced: " + changedBackground);
        assertEquals(0x141E3C, env.shifts().backgroundColour());
    }

    @Test
    void goalImagesAreShiftedToo() {
        DistractedEnv env = new DistractedEnv(new DotWorld(32), Shifts.parse("color-shift", 1));
        env.reset(3);
        assertEquals(env.render(env.goal()), env.goalObservation().frame());
        assertNotEquals(env.cleanRender(env.goal()), env.goalObservation().frame());
    }

    @Test
    void usingItBeforeResetIsAClearError() {
        DistractedEnv env = new DistractedEnv(new DotWorld(32), Shifts.parse("tv", 1));
        var e = assertThrows(IllegalStateException.class, env::cleanObservation);
        assertTrue(e.getMessage().contains("reset"));
    }
}
