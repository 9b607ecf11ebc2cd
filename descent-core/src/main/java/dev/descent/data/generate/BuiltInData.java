package dev.descent.data.generate;

import dev.descent.data.Dataset;
import dev.descent.tensor.Rng;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The built-in data sets by name, for the CLI's {@code --data moons}: moons, circles, blobs,
 * spiral, flower and football, each drawn by {@link Generators} from {@code Rng.of(seed)}; and the
 * course's own points, course-circles, course-moons and course-football ({@link CourseData}).
 * {@code noise} is each generator's own noise (a standard deviation; football's flipped-label
 * fraction); {@code classes} applies to blobs and spiral only.
 *
 * <pre>{@code
 * Dataset d = BuiltInData.generate("spiral", GeneratorOptions.seed(1).withClasses(4));
 * d.classCount();   // 4
 * }</pre>
 */
public final class BuiltInData {
  private static final Map<String, BiFunction<GeneratorOptions, Rng, Dataset>> GENERATORS = Map.of(
      "moons", BuiltInData::moons,
      "circles", BuiltInData::circles,
      "blobs", BuiltInData::blobs,
      "spiral", BuiltInData::spiral,
      "flower", BuiltInData::flower,
      "football", BuiltInData::football);
  private static final List<String> NAMES = java.util.stream.Stream.concat(
      java.util.stream.Stream.of("moons", "circles", "blobs", "spiral", "flower", "football"), CourseData.NAMES.stream()).toList();

  private BuiltInData() {}

  /** The names, in the order the help lists them. */
  public static List<String> names() {
    return NAMES;
  }

  public static Dataset generate(String name, GeneratorOptions options) {
    if (CourseData.NAMES.contains(name)) {
      if (options.examples().isPresent() || options.noise().isPresent() || options.classes().isPresent()) {
        throw new IllegalArgumentException(name + " is the course's own data, fixed points; --examples, --noise and --classes "
            + "apply to the generated sets (" + name.substring("course-".length()) + " draws a look-alike)");
      }
      return CourseData.all(name);
    }
    BiFunction<GeneratorOptions, Rng, Dataset> generator = GENERATORS.get(name);
    if (generator == null) {
      throw new IllegalArgumentException("unknown data set '" + name + "'; the built-in data sets are "
          + String.join(", ", NAMES));
    }
    return generator.apply(options, Rng.of(options.seed()));
  }

  private static Dataset moons(GeneratorOptions o, Rng rng) {
    twoClasses("moons", o);
    MoonsOptions d = MoonsOptions.defaults();
    return Generators.moons(new MoonsOptions(o.examples().orElse(d.examples()),
        o.noise().orElse(d.noise())), rng);
  }

  private static Dataset circles(GeneratorOptions o, Rng rng) {
    twoClasses("circles", o);
    CirclesOptions d = CirclesOptions.defaults();
    return Generators.circles(new CirclesOptions(o.examples().orElse(d.examples()),
        o.noise().orElse(d.noise()), d.factor()), rng);
  }

  private static Dataset blobs(GeneratorOptions o, Rng rng) {
    BlobsOptions d = BlobsOptions.defaults();
    // NOTE: for blobs "noise" is the spread of each cluster
    return Generators.blobs(new BlobsOptions(o.examples().orElse(d.examples()),
        o.classes().orElse(d.classes()), d.features(), o.noise().orElse(d.spread())), rng);
  }

  private static Dataset spiral(GeneratorOptions o, Rng rng) {
    SpiralOptions d = SpiralOptions.defaults();
    return Generators.spiral(new SpiralOptions(o.examples().orElse(d.examples()),
        o.classes().orElse(d.classes()), o.noise().orElse(d.noise())), rng);
  }

  private static Dataset flower(GeneratorOptions o, Rng rng) {
    twoClasses("flower", o);
    FlowerOptions d = FlowerOptions.defaults();
    return Generators.flower(new FlowerOptions(o.examples().orElse(d.examples()),
        o.noise().orElse(d.noise())), rng);
  }

  private static Dataset football(GeneratorOptions o, Rng rng) {
    twoClasses("football", o);
    FootballOptions d = FootballOptions.defaults();
    return Generators.football(new FootballOptions(o.examples().orElse(d.examples()),
        o.noise().orElse(d.labelNoise())), rng);
  }

  /** A class count for a two-class set is refused rather than ignored. */
  private static void twoClasses(String name, GeneratorOptions o) {
    if (o.classes().isPresent() && o.classes().getAsInt() != 2) {
      throw new IllegalArgumentException("classes = " + o.classes().getAsInt() + ": " + name
          + " has 2 classes; a class count applies to blobs and spiral");
    }
  }
}
