package dev.lede.search;

/** How hits are ordered. */
public enum SortOrder {
  /** Best match first (ties broken by newer first, then id). */
  RELEVANCE,
  /** Newest published first; articles without a date last. */
  NEWEST,
  /** Oldest published first; articles without a date last. */
  OLDEST
}
