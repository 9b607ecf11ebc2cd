package dev.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.tensor.Rng;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {

  static int[] sizes(MiniBatches b) {
    int[] out = new int[b.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.size(i);
    }
    return out;
  }

  @Test
  void aRemainderBelowTheMinimumJoinsThePreviousBatch() {
    MiniBatches b = new MiniBatches(129, 64, 2, Rng.of(1));
    assertArrayEquals(new int[] {64, 65}, sizes(b));
    assertEquals(64, b.start(1));
  }

  @Test
  void withoutAMinimumTheRemainderStaysAlone() {
    assertArrayEquals(new int[] {64, 64, 1}, sizes(new MiniBatches(129, 64, Rng.of(1))));
    assertArrayEquals(new int[] {64, 64, 1}, sizes(new MiniBatches(129, 64, 1, Rng.of(1))));
  }

  @Test
  void aRemainderAtTheMinimumStaysAlone() {
    assertArrayEquals(new int[] {64, 64, 2}, sizes(new MiniBatches(130, 64, 2, Rng.of(1))));
    assertArrayEquals(new int[] {64, 64}, sizes(new MiniBatches(128, 64, 2, Rng.of(1))));
  }

  @Test
  void wholeBatchesBelowTheMinimumAreLeftForTheLayerToRefuse() {
    assertArrayEquals(new int[] {1, 1, 1}, sizes(new MiniBatches(3, 1, 2, Rng.of(1))));
    assertArrayEquals(new int[] {1}, sizes(new MiniBatches(1, 64, 2, Rng.of(1))));
  }

  @Test
  void foldedBatchesCoverEveryExampleOnce() {
    MiniBatches b = new MiniBatches(97, 16, 2, Rng.of(4));
    b.shuffle();
    boolean[] seen = new boolean[97];
    int covered = 0;
    for (int i = 0; i < b.count(); i++) {
      for (int k = 0; k < b.size(i); k++) {
        int row = b.order()[b.start(i) + k];
        assertEquals(false, seen[row], "row " + row + " twice");
        seen[row] = true;
        covered++;
      }
    }
    assertEquals(97, covered);
    assertArrayEquals(new int[] {16, 16, 16, 16, 16, 17}, sizes(b));
  }

  @Test
  void aMinimumBelowOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MiniBatches(10, 4, 0, Rng.of(1)));
    assertEquals("minimum batch size 0: must be at least 1", e.getMessage());
  }

  /** Blocks of 10 positions, 3 blocks a window: each epoch every example once, each window three whole blocks. */
  @Test
  void aBlockShuffleVisitsEveryExampleOnceWindowByWindow() {
    MiniBatches b = new MiniBatches(95, 8, 1, ShuffleOrder.blocks(10, 3), Rng.of(4));
    int[] first = null;
    for (int epoch = 0; epoch < 3; epoch++) {
      b.shuffle();
      int[] order = b.order().clone();
      boolean[] seen = new boolean[95];
      for (int p : order) {
        assertFalse(seen[p], "epoch " + epoch + ": position " + p + " twice");
        seen[p] = true;
      }
      // each window is whole blocks: walking the order, three blocks' positions come before a fourth block's
      for (int at = 0; at < 95; ) {
        java.util.Set<Integer> blocks = new java.util.HashSet<>();
        int expected = 0;
        int k = at;
        for (; k < 95; k++) {
          int block = order[k] / 10;
          if (!blocks.contains(block)) {
            if (blocks.size() == 3) {
              break;
            }
            blocks.add(block);
            expected += block == 9 ? 5 : 10;
          }
        }
        assertEquals(expected, k - at, "epoch " + epoch + " window at " + at + ": blocks " + blocks);
        at = k;
      }
      if (first == null) {
        first = order;
      } else {
        assertFalse(java.util.Arrays.equals(first, order), "a new order each epoch");
      }
    }
    MiniBatches again = new MiniBatches(95, 8, 1, ShuffleOrder.blocks(10, 3), Rng.of(4));
    again.shuffle();
    assertArrayEquals(first, again.order(), "the same seed gives the same order");
  }

  /** The course's random_mini_batches: np.random.seed(10 + epoch + 1); np.random.permutation(300), fresh each epoch. */
  @Test
  void reseededEpochsAreNumpysPermutationsOfTheIdentity() {
    MiniBatches b = MiniBatches.reseeded(300, 64, 1, e -> Rng.numpy(11 + e));
    b.shuffle();
    assertArrayEquals(new int[] {174, 113, 86, 239, 12, 252},
        java.util.Arrays.copyOf(b.order(), 6));
    b.shuffle();
    assertArrayEquals(new int[] {224, 136, 67, 231, 213, 77},
        java.util.Arrays.copyOf(b.order(), 6));
    assertEquals(5, b.count());
    assertEquals(44, b.size(4));
  }
}
