/**
 * Hyper-parameter search, following the course's advice: sample at random rather than on a grid,
 * the learning rate on a log scale and β on a 1 − β log scale, zoom in coarse-to-fine, and train
 * many models in parallel.
 *
 * <p>A {@link dev.descent.search.Space} names the parameters and their {@link
 * dev.descent.search.Distribution}s; a {@link dev.descent.search.Sampler} (random, grid or TPE)
 * proposes each {@link dev.descent.search.Trial} (plain data: id, params, seed); an {@link
 * dev.descent.search.Objective} trains one model and reports its dev metric each epoch, so that a
 * {@link dev.descent.search.Pruner} (median rule, ASHA) can stop the hopeless ones; an {@link
 * dev.descent.search.Executor} runs trials on local threads (or elsewhere); the {@link
 * dev.descent.search.Journal} appends each finished trial to a JSON-lines file so a killed search
 * resumes; {@link dev.descent.search.CoarseToFine} shrinks the box round by round; {@link
 * dev.descent.search.SearchResult} ranks the trials and holds what plots need.
 *
 * <p>Nothing here knows how a model is trained: the training pipeline implements {@code
 * Objective}.
 */
package dev.descent.search;
