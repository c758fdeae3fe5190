package dev.lede.cli.render;

/** The output formats of {@code lede search} and {@code lede similar}. */
public enum OutputFormat {
  TEXT,
  JSON,
  JSONL,
  CSV,
  TREC
}
