/**
 * Seeded toy data sets in two dimensions, the ones the course and CS231n draw decision
 * boundaries on: {@link dev.descent.data.generate.Generators#moons moons}, {@code circles},
 * {@code blobs}, {@code spiral}, {@code flower} (the course's planar data) and {@code football}
 * (the regularization experiment's noisy set). Each has an options record validated at
 * construction; {@link dev.descent.data.generate.BuiltInData} maps a name to a generator. Beside
 * these look-alikes, {@link dev.descent.data.generate.CourseData} holds the course's own points
 * (course-circles, course-moons, course-football), shipped as resources.
 */
package dev.descent.data.generate;
