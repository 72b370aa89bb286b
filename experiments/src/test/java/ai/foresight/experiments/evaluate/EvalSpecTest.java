package ai.foresight.experiments.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.PlannerKind;
import ai.foresight.planner.objective.FrameWeighting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalSpecTest {
    @Test
    void budgetsFollowTheProtocolAndOpenLoopExecutesOnePlan() {
        EvalSpec wall = EvalSpec.defaults("wall");
        assertEquals(50, wall.effectiveBudget(5));
        assertEquals(100, EvalSpec.defaults("pointmaze").effectiveBudget(5));
        EvalSpec open = new EvalSpec("wall", PlannerKind.ICEM, 10, 0, true, 4, 0, 0, 3L, 0, 0, 0, false, -1);
        assertEquals(4 * 5, open.effectiveBudget(5), "open loop: one plan of 4 model steps at frameskip 5");
        AgentConfig agent = open.agentConfig();
        assertEquals(4, agent.executeSteps());
        assertEquals(PlannerKind.ICEM, agent.planner());
        assertEquals(3L, agent.seed());
        assertEquals(1, wall.agentConfig().executeSteps(), "MPC executes one model step per plan");
        assertEquals(17, wall.withBudget(17, 0, 0).effectiveBudget(5), "an explicit budget wins");
    }

    @Test
    void proprioWeightAndFrameWeightingFollowTheWorldAndDiscount() {
        assertEquals(1f, EvalSpec.defaults("pointmaze").agentConfig().proprioWeight());
        assertEquals(1f, EvalSpec.defaults("pusht").agentConfig().proprioWeight());
        assertEquals(FrameWeighting.Mode.LAST_FRAME, EvalSpec.defaults("wall").agentConfig().frames().mode());
        EvalSpec discounted = new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, 0, false, -1);
        assertEquals(FrameWeighting.Mode.DISCOUNTED, discounted.agentConfig().frames().mode());
        assertEquals(0.9f, discounted.agentConfig().frames().discount(), 1e-7f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 1.5, 0, false, -1));
        assertTrue(e.getMessage().startsWith("discount:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EvalSpec.defaults("wall").withPairs(0));
    }

    @Test
    void explicitProprioWeightAndInitialSigmaReachTheAgent() {
        EvalSpec maze = new EvalSpec("pointmaze", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, 1.5, false, 0);
        assertEquals(0f, maze.agentConfig().proprioWeight(), "an explicit alpha (DINO-WM's vision-only PointMaze) overrides 1");
        assertEquals(1.5f, maze.agentConfig().initSigma());
        assertEquals(0f, EvalSpec.defaults("wall").agentConfig().initSigma(), "0: the optimiser's own default");
        assertThrows(IllegalArgumentException.class,
                () -> new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, -0.5, false, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, 0, false, Double.NaN));
    }

    @Test
    void anEnsembleDefaultsToTheMembersExpectedCostAndASingleModelHasNoPenalty() {
        List<Path> members = List.of(Path.of("m2"), Path.of("m3"));
        EvalSpec ensemble = new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, 0, false, -1, members, -1);
        assertEquals(EvalSpec.DEFAULT_DISAGREEMENT_WEIGHT, ensemble.agentConfig().disagreementWeight());
        assertEquals(2, ensemble.withPairs(3).ensemble().size(), "copies keep the members");
        EvalSpec pessimistic = new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, 0, false, -1, members, 4);
        assertEquals(4f, pessimistic.agentConfig().disagreementWeight());
        assertEquals(0f, EvalSpec.defaults("wall").agentConfig().disagreementWeight());
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, 0, false, -1, List.of(), 2));
        assertTrue(alone.getMessage().startsWith("disagreementWeight: 2.0 needs an ensemble"), alone.getMessage());
        IllegalArgumentException ceiling = assertThrows(IllegalArgumentException.class,
                () -> new EvalSpec("wall", PlannerKind.CEM, 1, 0, false, 5, 0, 0, 0L, 0, 0.9, 0, true, -1, members, -1));
        assertTrue(ceiling.getMessage().startsWith("ensemble: the true dynamics plan without a model"), ceiling.getMessage());
    }
}
