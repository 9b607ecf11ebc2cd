/**
 * Learning-rate schedules: pure functions of the epoch or update count (inverse time,
 * exponential, 1/√t, staircase, piecewise, cosine, warm-up) and reduce-on-plateau, which is fed
 * the cost. {@link dev.descent.optim.schedule.Schedules} names them and parses the form their
 * {@code toString()} prints, e.g. {@code exponential(lr0=0.2, rate=0.95, per=epoch)}.
 */
package dev.descent.optim.schedule;
