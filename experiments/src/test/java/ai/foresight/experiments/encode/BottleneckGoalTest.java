package ai.foresight.experiments.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bottleneck verdict on hand-picked probe scores, each half failing on its own. */
class BottleneckGoalTest {
    private static final List<String> WALL_TARGETS = List.of("x", "y", "shape0_x", "shape0_y");

    @Test
    void aLatentThatKeepsTheAgentAndForgetsTheShapesMeetsIt() {
        BottleneckGoal goal = BottleneckGoal.judge("wall", WALL_TARGETS, new double[] {0.928, 0.918, 0.01, 0.0}, 0.0075, 0.1385);
        assertEquals(Map.of("x", true, "y", true), goal.agentMet());
        assertTrue(goal.judged());
        assertTrue(goal.distractorsSqueezed());
        assertTrue(goal.met());
    }

    @Test
    void anAgentTargetBelowPointNineFailsTheAgentHalf() {
        BottleneckGoal goal = BottleneckGoal.judge("wall", WALL_TARGETS, new double[] {0.923, 0.895, 0.0, 0.0}, 0.005, 0.14);
        assertEquals(Map.of("x", true, "y", false), goal.agentMet());
        assertTrue(goal.distractorsSqueezed());
        assertFalse(goal.met());
    }

    @Test
    void keepingMoreThanAQuarterOfThePatchesDistractorR2FailsTheOtherHalf() {
        double[] r2 = {0.95, 0.95, 0.1, 0.1};
        assertTrue(BottleneckGoal.judge("wall", WALL_TARGETS, r2, 0.035, 0.14).distractorsSqueezed(), "exactly a quarter");
        BottleneckGoal goal = BottleneckGoal.judge("wall", WALL_TARGETS, r2, 0.036, 0.14);
        assertTrue(goal.agentKept());
        assertFalse(goal.distractorsSqueezed());
        assertFalse(goal.met());
    }

    @Test
    void patchesThatHoldTooLittleOfTheShapesAreNotJudged() {
        BottleneckGoal goal = BottleneckGoal.judge("wall", WALL_TARGETS, new double[] {0.95, 0.95, 0, 0}, 0.0, 0.04);
        assertFalse(goal.judged());
        assertFalse(goal.distractorsSqueezed());
        assertFalse(goal.met());
    }

    @Test
    void aMissingAgentTargetOrAWorldWithoutGoalsIsNotKept() {
        assertFalse(BottleneckGoal.judge("wall", List.of("x", "shape0_x"), new double[] {0.99, 0.0}, 0.0, 0.2).agentKept());
        assertFalse(BottleneckGoal.judge("unknown", List.of("x"), new double[] {0.99}, 0.0, 0.2).agentKept());
    }

    @Test
    void latentGoalsCapTheEncodersAtPointNine() {
        assertEquals(Map.of("x", 0.9, "y", 0.9), ProbeGoals.forLatent("wall"));
        assertEquals(Map.of("x", 0.95, "y", 0.95), ProbeGoals.forWorld("wall"), "the encoder's goals are unchanged");
        assertEquals(0.8, ProbeGoals.forLatent("pusht").get("block_sin"), "goals already below 0.9 stay");
    }
}
