/**
 * One training run from end to end, as the CLI and the experiments use it: prepare the data
 * (split, standardize on train only), build the network from a {@link dev.descent.run.NetworkSpec},
 * train, evaluate every set, and package the {@link dev.descent.model.Model}.
 */
package dev.descent.run;
