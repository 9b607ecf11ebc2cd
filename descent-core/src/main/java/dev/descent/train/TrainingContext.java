package dev.descent.train;

import dev.descent.data.Examples;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;

/** What callbacks may look at: the network being trained, its optimizer and the data. */
public record TrainingContext(Network network, Optimizer optimizer, Examples train, Examples dev,
    TrainingConfig config) {}
