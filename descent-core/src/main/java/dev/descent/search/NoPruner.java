package dev.descent.search;

/** The pruner that lets every trial train to the end. */
enum NoPruner implements Pruner {
  INSTANCE;

  @Override
  public boolean decidesAt(int epoch) {
    return false;
  }

  @Override
  public boolean prune(int epoch, double score, double[] earlier) {
    return false;
  }

  @Override
  public String spec() {
    return "none";
  }
}
