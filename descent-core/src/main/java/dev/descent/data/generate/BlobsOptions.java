package dev.descent.data.generate;

/**
 * {@code classes} Gaussian clusters in {@code features} dimensions, centres drawn uniformly from
 * [−10, 10] per coordinate (as sklearn's make_blobs), each cluster with standard deviation
 * {@code spread}. Defaults: 300 examples, 3 classes, 2 features, spread 1.0.
 */
public record BlobsOptions(int examples, int classes, int features, double spread) {

  public BlobsOptions {
    Checks.classes("blobs", classes);
    Checks.examples("blobs", examples, classes);
    if (features < 1) {
      throw new IllegalArgumentException("blobs features = " + features + ": must be at least 1");
    }
    Checks.deviation("blobs", "spread", spread);
  }

  public static BlobsOptions defaults() {
    return new BlobsOptions(300, 3, 2, 1.0);
  }

  public BlobsOptions withExamples(int newExamples) {
    return new BlobsOptions(newExamples, classes, features, spread);
  }

  public BlobsOptions withClasses(int newClasses) {
    return new BlobsOptions(examples, newClasses, features, spread);
  }

  public BlobsOptions withFeatures(int newFeatures) {
    return new BlobsOptions(examples, classes, newFeatures, spread);
  }

  public BlobsOptions withSpread(double newSpread) {
    return new BlobsOptions(examples, classes, features, newSpread);
  }
}
