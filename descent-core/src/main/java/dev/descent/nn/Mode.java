package dev.descent.nn;

/** Training (dropout on, batch statistics) or inference (dropout off, running statistics). */
public enum Mode { TRAIN, INFER }
