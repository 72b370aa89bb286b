/**
 * A small facade for notebook-style experiments in JShell ({@code ./foresight shell}): the paper's pipeline
 * in a few readable lines, each a thin layer over the modules that do the work.
 *
 * <pre>{@code
 * var world = World.wall();                                   // datasets: the built-in worlds
 * var data  = Datasets.generate(world, 200);                  // datasets: offline episodes
 * var model = WorldModels.train(data, Presets.small());       // encoders + worldmodel via experiments.pipeline
 * var plan  = Planners.cem().plan(model, world);              // planner: GoalReachingAgent
 * Show.gif(plan.preview());                                   // report: GIF writer
 * }</pre>
 *
 * <p>Conventions: every result prints its shape and a few values ({@link ai.foresight.experiments.notebook.ValueText});
 * pictures go to {@link ai.foresight.experiments.notebook.NotebookFiles#directory()} and their path is printed and
 * returned; what holds native memory ({@link ai.foresight.experiments.notebook.LearnedModel}) is
 * {@link java.lang.AutoCloseable}; failures are unchecked exceptions whose message names the input.
 */
package ai.foresight.experiments.notebook;
