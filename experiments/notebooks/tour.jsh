// Foresight tour: DINO-WM (Zhou et al., 2024) in a screenful. A frozen patch encoder turns frames into
// features, a latent predictor learns from offline episodes how they move, and CEM plans inside the model
// to reach a goal image. Run it: ./foresight shell experiments/notebooks/tour.jsh  (or /open it in a session)
var preset = Presets.notebook();                   // "small" here; tests run "tiny" (-Dforesight.preset=tiny)
var world = World.wall();                          // a dot, a wall with one door, a goal on either side
var picture = Show.png(world.observe());           // the camera frame; the goal is world.goal()
var data = Datasets.generate(world, preset);       // offline episodes of a random-walk policy
var model = WorldModels.train(data, preset);       // encode every frame once, fit the causal predictor
System.out.println(model);
var plan = Planners.cem().plan(model, world);      // CEM over imagined rollouts, towards the goal image
System.out.println(plan);
var planGif = Show.gif(plan.preview());            // what the plan really does in the world (frame | goal)
world.reset(1);
var run = Planners.cem().control(model, world, preset.evalBudget());   // MPC: plan, act, replan
var runGif = Show.gif(run);
var score = Planners.cem().evaluate(model, World.wall());   // fixed budget, fixed pairs, Wilson 95% CI
model.close();                                     // models hold native memory
