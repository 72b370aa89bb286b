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
                "Foresight in JShell: the paper in a few lines (outputs go to " + NotebookFiles.directory() + ")",
                "  var world = World.wall();                    // or pointMaze(), pushT(), of(\"wall-random\")",
                "  var data  = Datasets.generate(world, 200);   // offline episodes of the collection policy",
                "  var model = WorldModels.train(data, Presets.tiny());   // frozen patch encoder + latent predictor",
                "  var plan  = Planners.cem().plan(model, world);         // CEM in the model towards world.goal()",
                "  Show.gif(plan.preview(world))                // what the plan does in the real world",
                "  var run   = Planners.cem().control(model, world, 30);  // MPC: replan, act, repeat",
                "  Planners.cem().evaluate(model, world, 10, 30)          // success rate, 95% CI, plan time",
                "  model.close()                                // models hold native memory",
                "Notebooks: /open " + notebooks().resolve("tour.jsh") + " (also planners.jsh, distractors.jsh)"));
    }
}
