package ai.foresight.experiments.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The session itself: version, and a one-screen cheat sheet of the facade. */
public final class Notebook {
    private Notebook() {}

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = Notebook.class.getResourceAsStream("/foresight-version.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    /** The folder holding the notebooks ({@code tour.jsh}, …): under {@code foresight.home} when the launcher set it. */
    public static java.nio.file.Path notebooks() {
        return java.nio.file.Path.of(System.getProperty("foresight.home", "."), "experiments", "notebooks").normalize();
    }

    /** The one-line welcome the startup script prints. */
    public static String welcome() {
        return "Foresight " + version() + " in JShell. Try: var world = World.wall(); Show.png(world.observe())"
                + " | the tour: /open " + notebooks().resolve("tour.jsh") + " | cheat sheet: Notebook.help()";
    }

    /** Prints the cheat sheet. */
    public static void help() {
        System.out.println(String.join(System.lineSeparator(),
                "Foresight in JShell (pictures, data and models go to " + NotebookFiles.directory().toAbsolutePath() + ")",
                "  var world = World.wall();                        // pointMaze(), pushT(), of(\"wall-random\"); world.step(1, 0)",
                "  Show.png(world.observe())                        // saved; the path is printed",
                "  var data  = Datasets.generate(world, 200);       // offline episodes of the collection policy",
                "  var model = WorldModels.train(data, Presets.small());   // or Presets.tiny(), WorldModels.load(dir)",
                "  var plan  = Planners.cem().plan(model, world);   // icem(), mppi(), gradient(), cemGradient()",
                "  Show.gif(plan.preview())                         // the plan replayed in the world, next to the goal",
                "  var run   = Planners.cem().control(model, world, 25);   // MPC: plan, act, replan",
                "  Planners.cem().evaluate(model, World.wall())     // success rate, 95% CI, plan time",
                "  DomainShift.measure(model, world.withDistractors(\"shapes,tv\"), 8)   // features under shift",
                "  model.close()                                    // models hold native memory",
                "Notebooks: /open " + notebooks().resolve("tour.jsh") + "  (also planners.jsh, distractors.jsh)"));
    }
}
