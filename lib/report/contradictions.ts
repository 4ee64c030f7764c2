/**
 * The places where the paper contradicts itself, by id; claims refer to them.
 *
 * @module
 */

/** CIFAR-100 validation vs test accuracy. */
export const CIFAR_VAL_VS_TEST = "C1";
/** STL-10 validation accuracies in the abstract vs section III.3. */
export const STL_VAL_VS_VAL = "C2";
/** "5-12x faster" vs "2.3x / 1.8x / 2.1x longer". */
export const TIME_FASTER_VS_SLOWER = "C3";
/** MNIST 21.23 s vs 108.44 s vs "2.3x longer". */
export const TIME_ABSTRACT_VS_III = "C4";
/** MNIST: the same two numbers as validation (abstract) and test (III.1) accuracy. */
export const MNIST_VAL_EQUALS_TEST = "C5";
/** Where the abstract is the source of a claim. */
export const ABSTRACT = "abstract";

/** The contradictions inside the paper, by id; claims refer to them in `inconsistency`. */
export const CONTRADICTIONS: Readonly<Record<string, string>> = {
  [CIFAR_VAL_VS_TEST]:
    "CIFAR-100: hybrid validation accuracy 41.69 % (abstract) vs 84.6 % test accuracy (III.2); " +
    "a 43 pp gap between validation and test is not plausible for one model",
  [STL_VAL_VS_VAL]:
    'STL-10: validation accuracy 74.05 % vs 63.76 % (abstract) vs "reaching" 92.1 % vs 88.3 % (III.3)',
  [TIME_FASTER_VS_SLOWER]:
    'Training time: "hybrid models train 5-12x faster" (abstract) vs hybrid epochs 2.3x (MNIST), ' +
    "1.8x (CIFAR-100) and 2.1x (STL-10) longer (III)",
  [TIME_ABSTRACT_VS_III]:
    "MNIST epoch time: 21.23 s hybrid vs 108.44 s classical (abstract) makes the hybrid 5.1x faster, " +
    "while III.1 reports 2.3x longer hybrid epochs on the same data set",
  [MNIST_VAL_EQUALS_TEST]:
    "MNIST: the abstract gives 99.38 % vs 98.21 % as validation accuracy, and III.1 gives the very same " +
    "two numbers as test accuracy; two different splits agreeing to two decimals for both models is " +
    "implausible, so one pair is most likely reused for the other",
};
