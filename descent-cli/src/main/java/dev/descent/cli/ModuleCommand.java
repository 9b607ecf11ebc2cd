package dev.descent.cli;

import java.util.concurrent.Callable;

/**
 * A {@code descent} subcommand that another module provides, found on the class path through
 * {@link java.util.ServiceLoader}: {@code descent-bench}'s {@code bench}, which the command line
 * leaves out (the benchmark harness is not a user's business). {@code ./descent bench} builds that
 * module and puts it on the class path; without it, {@code descent bench} is one line saying so.
 * An implementation is a picocli {@code @Command} whose {@code name} is the subcommand's.
 */
public interface ModuleCommand extends Callable<Integer> {}
