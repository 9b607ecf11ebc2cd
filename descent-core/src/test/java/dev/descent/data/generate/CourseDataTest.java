package dev.descent.data.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.data.Dataset;
import org.junit.jupiter.api.Test;

class CourseDataTest {

  private static int positives(Dataset d) {
    int n = 0;
    for (int label : d.labels()) {
      n += label;
    }
    return n;
  }

  @Test
  void circlesAreTheNotebooksThreeHundredAndHundredPoints() {
    CourseData.Sets s = CourseData.sets("course-circles");
    assertEquals(300, s.train().size());
    assertEquals(100, s.test().size());
    assertEquals(-0.07741354010048114, s.train().features().get(0, 0), 0);
    assertEquals(0.8526022642742743, s.train().features().get(0, 1), 0);
    assertEquals(1, s.train().label(0));
    assertEquals(150, positives(s.train()));
  }

  @Test
  void moonsHaveNoTestSet() {
    CourseData.Sets s = CourseData.sets("course-moons");
    assertEquals(300, s.train().size());
    assertNull(s.test());
  }

  @Test
  void footballIsDataMat() {
    CourseData.Sets s = CourseData.sets("course-football");
    assertEquals(211, s.train().size());
    assertEquals(200, s.test().size());
    assertEquals(-0.158986, s.train().features().get(0, 0), 0);
    assertEquals(0.423977, s.train().features().get(0, 1), 0);
    assertEquals(106, positives(s.train()));
    assertEquals(87, positives(s.test()));
  }

  @Test
  void asOneDataSetTheTestPointsFollowTheTrainingPoints() {
    Dataset all = BuiltInData.generate("course-circles", GeneratorOptions.seed(1));
    CourseData.Sets s = CourseData.sets("course-circles");
    assertEquals(400, all.size());
    assertEquals(s.test().features().get(99, 1), all.features().get(399, 1), 0);
    assertEquals(s.test().label(0), all.label(300));
  }

  @Test
  void generatorOptionsAreRefusedForFixedPoints() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuiltInData.generate("course-moons", GeneratorOptions.seed(1).withNoise(0.3)));
    assertEquals("course-moons is the course's own data, fixed points; --examples, --noise and --classes apply to the "
        + "generated sets (moons draws a look-alike)", e.getMessage());
  }
}
