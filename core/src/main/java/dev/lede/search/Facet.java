package dev.lede.search;

/** The facets a query can ask for. Each follows the query text and every filter. */
public enum Facet {
  /** Counts by normalised source domain. */
  SOURCE,
  /** Counts by canonical entity name. */
  ENTITY,
  /** Counts by entity type (PERSON, ORGANIZATION, PLACE, OTHER). */
  ENTITY_TYPE,
  /** Counts by month of publication, {@code yyyy-MM} in UTC. */
  MONTH,
  /** Counts by author name as written in the byline. */
  AUTHOR,
  /** Counts by language code ({@code en}, {@code de}, ...; {@code und} for undetermined). */
  LANGUAGE
}
