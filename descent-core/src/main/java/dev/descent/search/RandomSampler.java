package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.List;
import java.util.Map;

/** Random search: each parameter uniform on its own scale, independent of every other trial. */
enum RandomSampler implements Sampler {
  INSTANCE;

  @Override
  public Map<String, Object> propose(Round round, int id, List<TrialRecord> history, List<Map<String, Object>> pending, Rng rng) {
    return round.space().sample(rng);
  }

  @Override
  public String spec() {
    return "random";
  }
}
