package ai.foresight.experiments.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.experiments.eval.WilsonInterval;
import ai.foresight.experiments.pipeline.TrainSpec;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.PlannerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Presets map to pipeline settings, planners override them, and results print their figures. */
class PresetsAndPlannersTest {
    @Test
    void presetsByNameAndByProperty() {
        assertEquals(Presets.tiny(), Presets.named("tiny"));
        assertEquals(Presets.paper(), Presets.named("paper"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.named("huge"));
        assertEquals("preset: expected one of [tiny, small, paper], got 'huge'", e.getMessage());
        String before = System.getProperty(Presets.PROPERTY);
        try {
            System.setProperty(Presets.PROPERTY, "tiny");
            assertEquals(Presets.tiny(), Presets.notebook());
            System.clearProperty(Presets.PROPERTY);
            assertEquals(Presets.small(), Presets.notebook());
        } finally {
            if (before != null) {
                System.setProperty(Presets.PROPERTY, before);
            }
        }
    }

    @Test
    void trainSpecFollowsTheWorld() {
        assertEquals(new TrainSpec("tiny", "dino-wm", "random-tiny", 0, 0, 0L), Presets.tiny().trainSpec("pusht"));
        assertEquals("wall", Presets.small().trainSpec("wall-random").preset());
        assertEquals("pusht", Presets.small().trainSpec("pusht").preset());
        TrainSpec repo = Presets.small().withMode("repo").withTrainSteps(50).withSeed(7).trainSpec("pointmaze");
        assertEquals(new TrainSpec("pointmaze", "repo", Presets.encoder(), 50, 0, 7L), repo);
        assertEquals(7L, Presets.small().withSeed(7).planner().seed());
    }

    @Test
    void presetsRejectBadValuesByName() {
        IllegalArgumentException episodes = assertThrows(IllegalArgumentException.class, () -> Presets.tiny().withEpisodes(0));
        assertEquals("episodes: expected at least 1, got 0", episodes.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> Presets.tiny().withMode("vae"));
        assertTrue(mode.getMessage().startsWith("mode: expected one of [dino-wm, repo], got 'vae'"), mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Planners.cem().samples(-1));
        assertThrows(IllegalArgumentException.class, () -> Planners.named("bfgs"));
    }

    @Test
    void plannerOverridesThePresetOnlyWhereSet() {
        Preset tiny = Presets.tiny();
        AgentConfig base = tiny.planner();
        AgentConfig cem = Planners.cem().config(tiny);
        assertEquals(base, cem);
        AgentConfig icem = Planners.icem().samples(64).horizon(3).config(tiny);
        assertEquals(PlannerKind.ICEM, icem.planner());
        assertEquals(64, icem.samples());
        assertEquals(base.iterations(), icem.iterations());
        assertEquals(3, icem.horizon());
        assertEquals(base.executeSteps(), icem.executeSteps());
        assertEquals(List.of("cem", "icem", "mppi", "gd", "cem-gd"), Planners.all().stream().map(Planner::id).toList());
        assertEquals("Planner[mppi, preset samples, 5 iterations, horizon preset]", Planners.mppi().iterations(5).toString());
    }

    @Test
    void resultsPrintTheirFigures() {
        Trajectory preview = World.wall().preview(new double[][] {{1, 0}, {1, 0}}, "plan-cem");
        PlanResult plan = new PlanResult("cem", new double[][] {{1, 0}, {1, 0}}, 0.25, new float[] {0.5f, 0.3f, 0.25f}, 96,
                0.125, preview);
        String text = plan.toString();
        assertTrue(text.startsWith("PlanResult[cem: cost 0.25 in 0.125 s (96 sequences), world distance "), text);
        assertTrue(text.contains("cost by iteration (3) [0.5, 0.3, 0.25]") && text.contains("actions (2, 2) [[1, 0], [1, 0]]"), text);

        ShiftReport shift = new ShiftReport("shapes+tv", 8, 2.0, 0.5, 3.0, 1.5, 0.01, 0.04);
        assertEquals(4.0, shift.relativeFeatureShift(), 1e-12);
        assertEquals(2.0, shift.relativeLatentShift(), 1e-12);
        assertEquals(4.0, shift.predictionErrorRatio(), 1e-12);
        assertEquals("ShiftReport[shapes+tv, 8 states: prediction MSE 0.01 clean -> 0.04 shifted (x4); features move 4x "
                + "the between-state spread (latents 2x)]", shift.toString());

        EvaluationSummary summary = new EvaluationSummary("wall / cem", 10, 3, WilsonInterval.of95(3, 10), 7.5, 0.2, 0.3, 40, Double.NaN);
        PlannerComparison table = new PlannerComparison("wall", List.of(new PlannerComparison.Row("cem", plan, summary)));
        String[] lines = table.toString().split("\n");
        assertEquals("PlannerComparison[wall]", lines[0]);
        assertEquals(List.of("cem", "0.25", "0.125", "96", "3/10", "7.5", "0.2"), List.of(lines[2].trim().split("\\s+")));
        assertEquals(plan, table.row("cem").plan());
        for (Object o : List.of(plan, shift, table, Presets.tiny(), Planners.cem())) {
            assertFalse(FacadeTextTest.PLACEHOLDER.matcher(o.toString()).find(), o.toString());
        }
    }
}
