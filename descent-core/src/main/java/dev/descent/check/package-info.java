/**
 * Gradient checking: {@link dev.descent.check.GradientCheck} compares backpropagation with
 * centered differences on a float64 copy of a network (or on any tape), and reports the relative
 * difference, a {@link dev.descent.check.Verdict} and the parameters ranked worst first; {@link
 * dev.descent.check.GradientCorruption} breaks gradients on purpose for tests and the course lab.
 */
package dev.descent.check;
