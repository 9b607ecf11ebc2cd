package dev.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link NumpyRandomState} against numpy's own output (numpy-rng/streams.txt, written by
 * numpy_rng_fixtures.py beside it): ten seeds from 0 to 2³²−1, streams long enough to regenerate
 * the MT19937 state twice, bit for bit.
 */
class NumpyRandomStateTest {

  record Stream(long seed, String kind, String[] values) {}

  static List<Stream> streams() throws IOException {
    List<Stream> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        NumpyRandomStateTest.class.getResourceAsStream("/numpy-rng/streams.txt"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ");
        String[] values = Arrays.copyOfRange(f, 3, f.length);
        assertEquals(Integer.parseInt(f[2]), values.length, line.substring(0, 40));
        out.add(new Stream(Long.parseLong(f[0]), f[1], values));
      }
    }
    return out;
  }

  private static List<Stream> of(String kind) throws IOException {
    List<Stream> s = streams().stream().filter(x -> x.kind().equals(kind) || x.kind().startsWith(kind + ":")).toList();
    assertEquals(10, s.size(), kind + " streams in the fixture");
    return s;
  }

  @Test
  void randMatchesNumpyBitForBit() throws IOException {
    for (Stream s : of("rand")) {
      Rng rng = Rng.numpy(s.seed());
      for (int k = 0; k < s.values().length; k++) {
        assertEquals(Double.parseDouble(s.values()[k]), rng.nextDouble(), 0, "seed " + s.seed() + " rand #" + k);
      }
    }
  }

  @Test
  void randnMatchesNumpyBitForBitWithItsCachedSecondValue() throws IOException {
    assertEquals("the C library's log, as numpy's", NumpyRandomState.logSource());
    for (Stream s : of("randn")) {
      Rng rng = Rng.numpy(s.seed());
      for (int k = 0; k < s.values().length; k++) {
        assertEquals(Double.parseDouble(s.values()[k]), rng.nextGaussian(), 0, "seed " + s.seed() + " randn #" + k);
      }
    }
  }

  @Test
  void wordsMatchNumpysUint32Draws() throws IOException {
    for (Stream s : of("words")) {
      NumpyRandomState rng = new NumpyRandomState(s.seed());
      for (int k = 0; k < s.values().length; k++) {
        assertEquals(Long.parseLong(s.values()[k]), rng.nextInt32() & 0xFFFF_FFFFL, "seed " + s.seed() + " word #" + k);
      }
    }
  }

  @Test
  void aCachedGaussianSurvivesUniformDraws() throws IOException {
    for (Stream s : of("mixed")) {
      Rng rng = Rng.numpy(s.seed());
      for (int k = 0; k < s.values().length; k++) {
        double got = k % 2 == 0 ? rng.nextGaussian() : rng.nextDouble();
        assertEquals(Double.parseDouble(s.values()[k]), got, 0, "seed " + s.seed() + " mixed #" + k);
      }
    }
  }

  @Test
  void permutationsAreNumpysLegacyShuffles() throws IOException {
    for (Stream s : of("permutations")) {
      Rng rng = Rng.numpy(s.seed());
      int at = 0;
      for (String n : s.kind().substring("permutations:".length()).split(",")) {
        int[] p = new int[Integer.parseInt(n)];
        for (int i = 0; i < p.length; i++) {
          p[i] = i;
        }
        rng.shuffle(p);
        for (int i = 0; i < p.length; i++, at++) {
          assertEquals(Integer.parseInt(s.values()[at]), p[i], "seed " + s.seed() + " permutation(" + n + ")[" + i + "]");
        }
      }
      assertEquals(s.values().length, at);
    }
  }

  @Test
  void forkIsTheOneGlobalStream() {
    Rng rng = Rng.numpy(3);
    assertSame(rng, rng.fork("init", 2));
  }

  @Test
  void seedOutsideNumpysRangeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rng.numpy(1L << 32));
    assertEquals("numpy seed = 4294967296: must be between 0 and 2^32 - 1, as np.random.seed accepts", e.getMessage());
  }

  @Test
  void stateIsRefusedWithTheReason() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Rng.numpy(1).state());
    assertEquals("the numpy generator's state is 624 words, not one number; checkpoints need Descent's generator "
        + "(Rng.of, --rng descent)", e.getMessage());
  }

  @Test
  void kindParsesTheTwoNamesAndRefusesOthers() {
    assertEquals(Rng.Kind.NUMPY, Rng.Kind.parse("numpy"));
    assertEquals(Rng.Kind.DESCENT, Rng.Kind.parse("descent"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rng.Kind.parse("mt"));
    assertEquals("--rng mt: expected numpy (the course's generator, numpy's legacy MT19937) or descent (Descent's SplitMix64)",
        e.getMessage());
  }
}
