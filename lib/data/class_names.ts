/**
 * Official class-name lists of MNIST, CIFAR-100 (fine and coarse) and STL-10,
 * indexed by label.
 *
 * @module
 */

/** MNIST class names: the digits "0".."9". */
export const MNIST_CLASSES: readonly string[] = Array.from({ length: 10 }, (_, i) => String(i));

/** CIFAR-100 fine class names in the official label order (as in `fine_label_names.txt`). */
// deno-fmt-ignore
export const CIFAR100_FINE_CLASSES: readonly string[] = [
  "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
  "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
  "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup",
  "dinosaur", "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house",
  "kangaroo", "keyboard", "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man",
  "maple_tree", "motorcycle", "mountain", "mouse", "mushroom", "oak_tree", "orange", "orchid",
  "otter", "palm_tree", "pear", "pickup_truck", "pine_tree", "plain", "plate", "poppy",
  "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket", "rose", "sea", "seal",
  "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider", "squirrel", "streetcar",
  "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger", "tractor",
  "train", "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm",
];

/** CIFAR-100 coarse (superclass) names in the official label order (`coarse_label_names.txt`). */
// deno-fmt-ignore
export const CIFAR100_COARSE_CLASSES: readonly string[] = [
  "aquatic_mammals", "fish", "flowers", "food_containers", "fruit_and_vegetables",
  "household_electrical_devices", "household_furniture", "insects", "large_carnivores",
  "large_man-made_outdoor_things", "large_natural_outdoor_scenes",
  "large_omnivores_and_herbivores", "medium_mammals", "non-insect_invertebrates", "people",
  "reptiles", "small_mammals", "trees", "vehicles_1", "vehicles_2",
];

/** The five fine classes of each coarse class, as in the CIFAR-100 superclass table. */
const CIFAR100_SUPERCLASS_MEMBERS: readonly (readonly string[])[] = [
  ["beaver", "dolphin", "otter", "seal", "whale"],
  ["aquarium_fish", "flatfish", "ray", "shark", "trout"],
  ["orchid", "poppy", "rose", "sunflower", "tulip"],
  ["bottle", "bowl", "can", "cup", "plate"],
  ["apple", "mushroom", "orange", "pear", "sweet_pepper"],
  ["clock", "keyboard", "lamp", "telephone", "television"],
  ["bed", "chair", "couch", "table", "wardrobe"],
  ["bee", "beetle", "butterfly", "caterpillar", "cockroach"],
  ["bear", "leopard", "lion", "tiger", "wolf"],
  ["bridge", "castle", "house", "road", "skyscraper"],
  ["cloud", "forest", "mountain", "plain", "sea"],
  ["camel", "cattle", "chimpanzee", "elephant", "kangaroo"],
  ["fox", "porcupine", "possum", "raccoon", "skunk"],
  ["crab", "lobster", "snail", "spider", "worm"],
  ["baby", "boy", "girl", "man", "woman"],
  ["crocodile", "dinosaur", "lizard", "snake", "turtle"],
  ["hamster", "mouse", "rabbit", "shrew", "squirrel"],
  ["maple_tree", "oak_tree", "palm_tree", "pine_tree", "willow_tree"],
  ["bicycle", "bus", "motorcycle", "pickup_truck", "train"],
  ["lawn_mower", "rocket", "streetcar", "tank", "tractor"],
];

/** Coarse label of each CIFAR-100 fine label (index: fine label, value: coarse label). */
export const CIFAR100_FINE_TO_COARSE: readonly number[] = CIFAR100_FINE_CLASSES.map((fine) =>
  CIFAR100_SUPERCLASS_MEMBERS.findIndex((members) => members.includes(fine))
);

/** STL-10 class names in label order (as in `class_names.txt`; labels 1..10 on disk). */
// deno-fmt-ignore
export const STL10_CLASSES: readonly string[] = [
  "airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck",
];
