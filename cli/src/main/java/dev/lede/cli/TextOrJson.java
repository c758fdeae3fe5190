package dev.lede.cli;

/** The output formats of commands that print one record: text for people, JSON for scripts. */
enum TextOrJson {
  TEXT,
  JSON
}
