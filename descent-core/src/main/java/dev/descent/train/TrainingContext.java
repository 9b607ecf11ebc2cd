package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;

/** What callbacks may look at: the network being trained, its optimizer and the data. */
public record TrainingContext(Network network, Optimizer optimizer, Dataset train, Dataset dev,
    TrainingConfig config) {}
