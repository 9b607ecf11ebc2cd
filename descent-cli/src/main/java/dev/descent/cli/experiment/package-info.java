/** One class per experiment of the course, each reproducing a classic result as a table and plots. */
package dev.descent.cli.experiment;
