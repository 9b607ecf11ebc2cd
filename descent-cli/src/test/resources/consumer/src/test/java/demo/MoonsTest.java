package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoonsTest {
  @Test
  void trainsToAHighTestAccuracy() {
    double accuracy = Moons.trainAndScore();
    assertTrue(accuracy > 0.9, "test accuracy " + accuracy);
  }
}
