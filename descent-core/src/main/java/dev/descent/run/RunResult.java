package dev.descent.run;

import dev.descent.model.Model;
import dev.descent.train.Evaluation;
import dev.descent.train.History;

/** What a run produced: the model, its history, and its evaluation on each set (null if absent). */
public record RunResult(Model model, History history, Evaluation train, Evaluation dev, Evaluation test,
    PreparedData data) {}
