package dev.descent.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured number: {@code name} (e.g. {@code mlp-b128}), {@code value} in {@code unit}
 * ({@code s}, {@code samples/s}, {@code GFLOPS}) and workload-specific details in insertion
 * order (accuracy, spread of the repeats, allocation per step, …), JSON snake_case keys.
 */
public record BenchResult(String name, double value, String unit, Map<String, Object> details) {
  public BenchResult {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
