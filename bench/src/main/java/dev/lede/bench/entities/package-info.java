/**
 * Measurements of entity extraction: quality on the hand-labelled set ({@link
 * dev.lede.bench.entities.EntityEval}), coverage of Reuters-21578's document tags ({@link
 * dev.lede.bench.entities.ReutersCoverage}) and speed ({@link dev.lede.bench.entities.EntityThroughput}).
 * Each is a main class run from the repository root; docs/entities.md has the commands and numbers.
 */
package dev.lede.bench.entities;
