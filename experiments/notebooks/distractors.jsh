// Distractors and domain shift: RePo's question (Zhu et al., 2023). A model trained on clean frames meets
// a camera with moving shapes and a flickering "noisy TV" behind the scene. Same states, same dynamics,
// different pixels: how far do the features move, and how much worse does the model predict?
// Run it: ./foresight shell experiments/notebooks/distractors.jsh
var preset = Presets.notebook();
var world = World.wall();
var model = WorldModels.train(Datasets.generate(world, preset), preset);
var shifted = world.withDistractors("shapes,tv");  // the same world through a distracting camera
var pair = Show.shift(shifted);                    // shifted | clean frame of one state
var report = DomainShift.measure(model, shifted, 8);   // features and one-step predictions, shifted vs clean
System.out.println(report);
var lit = DomainShift.measure(model, world.withDistractors("color-shift,lighting", 3), 8);   // another domain
System.out.println(lit);
var clean = Planners.cem().evaluate(model, World.wall());        // planning in the training domain ...
var distracted = Planners.cem().evaluate(model, World.wall().withDistractors("shapes,tv"));   // ... and under shift
model.close();
